// The text of each rule's page, from the registry: the build writes it to the shipped pages, and `pydeploy check
// --format sarif` carries the same help in each rule's descriptor.
import type { Rule, RuleScope } from '../rules/types';
import { RULE_INDEX_PATH, rulePagePath } from '../rules/rulePages';

const SEVERITY: Record<Rule['defaultSeverity'], string> = { error: 'Error', warning: 'Warning', information: 'Information', hint: 'Hint' };

const CHECKS: Record<RuleScope, string> = {
  'uwsgi-ini': 'uWSGI configs',
  'gunicorn-py': 'Gunicorn configs',
  'agent-ini': "the Tingyun agent's config (`tingyun.ini`)",
  'newrelic-ini': "the New Relic agent's config (`newrelic.ini`)",
  requirements: 'requirement files (`requirements*.txt`, `pyproject.toml`, `Pipfile`, `poetry.lock`, `setup.cfg`)',
  launch: 'launch files (Dockerfile, Compose, Kubernetes, Procfile, systemd, supervisord, shell scripts, PaaS files)',
  'too-large': 'any file pydeploy would check',
  any: 'every file pydeploy checks',
};

function fence(file: string, lines: readonly string[]): string {
  const language = file.endsWith('.py') ? 'python' : file.endsWith('.ini') ? 'ini' : 'text';
  return ['```' + language, ...lines, '```'].join('\n');
}

/** A link from one page to another, relative, so that it works in the shipped folder and in a preview alike. */
function relativeLink(from: string, to: string): string {
  const up = from.split('/').length - 1;
  const common = RULE_INDEX_PATH.split('/').length - 1;
  return '../'.repeat(up - common) + to.split('/').slice(common).join('/');
}

/** One rule's page: its help (below), and a link back to the list of rules. */
export function rulePageMarkdown(rule: Rule): string {
  return [`# ${rule.id}`, '', ruleHelpMarkdown(rule), '', `[All rules](${relativeLink(rulePagePath(rule.id), RULE_INDEX_PATH)})`, ''].join('\n');
}

/** What a rule reports and why, an example, the fix, how to silence it: the page without its title and links. */
export function ruleHelpMarkdown(rule: Rule): string {
  const { docs } = rule;
  const kinds = (typeof rule.fileKind === 'string' ? [rule.fileKind] : rule.fileKind) as readonly RuleScope[];
  return [
    `**${SEVERITY[rule.defaultSeverity]}** by default · checks ${kinds.map((kind) => CHECKS[kind]).join(' and ')}`,
    '',
    `**${docs.summary}**`,
    '',
    docs.details,
    '',
    '## Example',
    '',
    `Wrong, in \`${docs.example.file}\`:`,
    '',
    fence(docs.example.file, docs.example.wrong),
    '',
    'Right:',
    '',
    fence(docs.example.file, docs.example.right),
    '',
    '## How to fix it',
    '',
    docs.fix,
    '',
    '## How to silence it',
    '',
    docs.silence,
    '',
    `- For one line: put \`# pydeploy: disable-next-line=${rule.id}\` on the line above it (the quick fix *Disable ${rule.id} for this line* does that).`,
    `- For one file: \`# pydeploy: disable=${rule.id}\` anywhere in it. In ini files \`;\` works as well as \`#\`.`,
    `- For the project: \`rules = { "${rule.id}" = "off" }\` in \`[tool.pydeploy]\` of \`pyproject.toml\` (read by the editor and \`pydeploy check\`).`,
    `- In VS Code only: \`"pydeploy.rules": { "${rule.id}": "off" }\` in the settings; a severity (\`"hint"\`, \`"error"\`, ...) instead of \`"off"\` changes how it is shown.`,
  ].join('\n');
}

/** The page listing every rule, with links to their pages. */
export function ruleIndexMarkdown(rules: readonly Rule[]): string {
  return [
    '# pydeploy rules',
    '',
    '| rule | default severity | what it reports |',
    '|---|---|---|',
    ...rules.map((rule) => `| [${rule.id}](${relativeLink(RULE_INDEX_PATH, rulePagePath(rule.id))}) | ${rule.defaultSeverity} | ${rule.docs.summary} |`),
    '',
  ].join('\n');
}
