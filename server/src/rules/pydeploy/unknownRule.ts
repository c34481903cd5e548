import { didYouMean } from '../../knowledge/suggest';
import { suppressionsOf } from '../../model/suppressions';
import type { Range } from '../../text/lineIndex';
import { defineRule } from '../types';
import { quoted } from '../quoted';
import { canonicalRuleId } from '../../model/ruleAliases';
import { message } from '../../l10n/message';

interface UnknownRuleData {
  id: string;
  range: Range;
  candidates: string[];
}

/** Rule ids a misspelt one was probably meant to be: the same name in another family first, then close ids. */
function candidatesFor(id: string, known: readonly string[]): string[] {
  const name = id.slice(id.indexOf('/') + 1).toLowerCase();
  const sameName = known.filter((candidate) => candidate !== id && candidate.slice(candidate.indexOf('/') + 1) === name);
  if (sameName.length > 0) return sameName;
  return didYouMean(id, known, '-');
}

/**
 * The rule, given the ids of every rule: the registry passes them in (rather than this module importing the
 * registry, which imports it).
 */
export function unknownRuleRule(knownIds: () => readonly string[]) {
  return defineRule({
    id: 'pydeploy/unknown-rule',
    fileKind: 'any',
    defaultSeverity: 'warning',
    docs: {
      summary: 'A `# pydeploy: disable...` comment names a rule pydeploy does not have, so it silences nothing.',
      details:
        '`# pydeploy: disable-next-line=RULE[,RULE]` silences rules on the next line and `# pydeploy: disable=RULE[,RULE]` ' +
        'in the whole file (`;` works too in ini files). A misspelt rule id there would silently silence nothing, so it is ' +
        'reported on the id, with the ids it was probably meant to be; the fixes put one of them in its place.',
      example: {
        file: 'uwsgi.ini',
        wrong: ['[uwsgi]', 'module = myapp.wsgi:application', 'enable-threads = true', 'lazy-apps = true', '; pydeploy: disable=uwsgi/single-interpeter'],
        right: ['[uwsgi]', 'module = myapp.wsgi:application', 'enable-threads = true', 'lazy-apps = true', '; pydeploy: disable=uwsgi/single-interpreter'],
      },
      fix: 'The quick fixes replace the id with the rule ids closest to it.',
      silence: 'Only when the comment is written for a newer pydeploy that has the rule.',
    },
    check: (document) => {
      const known = knownIds();
      return suppressionsOf(document).directives.flatMap((directive) =>
        directive.ids
          .filter(({ id }) => !known.includes(canonicalRuleId(id)))
          .map(({ id, range }) => {
            const candidates = candidatesFor(id, known);
            const hint = candidates.length > 0 ? message('did-you-mean', { candidates: candidates.map((candidate) => `\`${candidate}\``) }) : '';
            const data: UnknownRuleData = { id, range, candidates };
            return { range, message: message('pydeploy/unknown-rule.found', { id, hint }), data };
          }),
      );
    },
    fixes: (_document, finding) =>
      finding.data.candidates.map((candidate) => ({
        title: message('fix.change-to', { from: quoted(finding.data.id), to: quoted(candidate) }),
        isPreferred: finding.data.candidates.length === 1,
        changes: [{ kind: 'replace' as const, range: finding.data.range, newText: candidate }],
      })),
  });
}
