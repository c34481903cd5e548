import type { PyValue } from '../../parse/gunicornPy';
import type { SettingBinding } from '../../model/gunicornConfig';
import { validateLaunchValue, validateSetting } from '../../model/gunicornValues';
import { suggestWorkerClasses } from '../../knowledge/gunicorn/settings';
import { Finding, Fix, defineRule } from '../types';
import { alternatives, message } from '../../l10n/message';

export interface InvalidValueData {
  setting: SettingBinding;
  value: PyValue;
  /** `load`: Gunicorn refuses the file when it reads it; `start`: it stops when it starts the workers. */
  when: 'load' | 'start';
  replacements: string[];
}

/** How to write a replacement string in the quote style of the original literal. */
function quoted(original: string, value: string): string {
  const quote = original.trimStart().replace(/^[rRuU]/, '')[0] === "'" ? "'" : '"';
  return `${quote}${value}${quote}`;
}

export const invalidValueRule = defineRule({
  id: 'gunicorn/invalid-value',
  fileKind: 'gunicorn-py',
  defaultSeverity: 'error',
  docs: {
    summary: 'A setting is given a literal value that Gunicorn refuses.',
    details:
      'Gunicorn checks every setting it reads from the file and stops with "Invalid value for ..." when one does not ' +
      'pass: a negative or non-numeric count, `1` or `"yes"` for a boolean, a number where a string or list is expected, ' +
      'a hook that is not callable. A `worker_class` that is neither a known short name nor a dotted path passes that ' +
      'check but stops Gunicorn when it starts the workers. Only literal values are judged; computed ones (environment ' +
      'variables, `cpu_count()`, f-strings) and values that depend on the machine (users, folders) are left to Gunicorn.',
    example: {
      file: 'gunicorn.conf.py',
      wrong: ["bind = \"0.0.0.0:8000\"", 'workers = -1'],
      right: ["bind = \"0.0.0.0:8000\"", 'workers = 4'],
    },
    fix: 'Write a value of the type the setting takes; for a misspelt `worker_class` a quick fix offers the closest worker name.',
    silence: "Rarely: only when your Gunicorn version accepts a value that pydeploy's version of the settings does not.",
  },
  check: (document): Finding<InvalidValueData>[] => {
    const config = document.gunicorn;
    const findings: Finding<InvalidValueData>[] = [];
    for (const setting of config.settings) {
      const { binding, facts } = setting;
      if (!config.isLocal(binding)) continue;
      if (binding.source === 'launch' ? binding.value.kind === 'unknown' : binding.source !== 'assignment' || binding.assignment.kind !== 'plain') continue;
      // Hook values given as a `def` are checked by gunicorn/hook-signature.
      const value = binding.source === 'launch' ? binding.value : binding.source === 'assignment' ? binding.assignment.value : undefined;
      if (!value) continue;
      const verdict = binding.source === 'launch' ? validateLaunchValue(facts, value) : validateSetting(facts, value);
      if (verdict.verdict !== 'invalid') continue;
      const replacements =
        facts.name === 'worker_class' && value.kind === 'str' ? (verdict.suggestions?.length ? verdict.suggestions : suggestWorkerClasses(value.value.trim())) : [];
      const hint = replacements.length > 0 ? message('did-you-mean', { candidates: alternatives(replacements.map((name) => `"${name}"`)) }) : '';
      findings.push({
        range: value.range,
        message: message('gunicorn/invalid-value.found', { name: facts.name, problem: verdict.problem, hint }),
        data: { setting, value, when: verdict.when, replacements },
      });
    }
    return findings;
  },
  fixes: (document, finding): Fix[] =>
    finding.data.replacements.map((replacement, i) => ({
      title: message('gunicorn/invalid-value.change-to', { value: replacement }),
      isPreferred: i === 0 && finding.data.replacements.length === 1,
      changes: [
        {
          kind: 'replace',
          range: finding.data.value.range,
          // A command-line word is replaced inside its quotes; a Python string keeps its quote style.
          newText:
            finding.data.setting.binding.source === 'launch'
              ? replacement
              : quoted(document.text.slice(document.gunicorn.module.index.offsetAt(finding.range.start), document.gunicorn.module.index.offsetAt(finding.range.end)), replacement),
        },
      ],
    })),
});
