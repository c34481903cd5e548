import type { PyAssignment } from '../../parse/gunicornPy';
import { FORMER_SETTINGS, SettingSuggestion, suggestSettings } from '../../knowledge/gunicorn/settings';
import { Finding, Fix, defineRule } from '../types';
import { quoted } from '../quoted';
import { Message, alternatives, message } from '../../l10n/message';

interface UnknownSettingData {
  assignment: PyAssignment;
  suggestions: SettingSuggestion[];
}

/** ALL_CAPS constants (`PORT`, `BASE_DIR`, `DEBUG`) are the usual way to write helpers, never settings. */
const CONSTANT = /^[A-Z][A-Z0-9_]*$/;

function unknownSettingMessage(name: string, suggestions: SettingSuggestion[]): Message {
  const names = alternatives(suggestions.map((suggestion) => `\`${suggestion.name}\``));
  const why = suggestions[0]?.why;
  if (why === 'former') return message('gunicorn/unknown-setting.former', { name, note: FORMER_SETTINGS[name.toLowerCase()]?.note ?? message('gunicorn/unknown-setting.no-longer') });
  if (why === 'flag') return message('gunicorn/unknown-setting.flag', { name, names });
  if (why === 'case') return message('gunicorn/unknown-setting.case', { name, names });
  return message('gunicorn/unknown-setting.typo', { name, names });
}

export const unknownSettingRule = defineRule({
  id: 'gunicorn/unknown-setting',
  fileKind: 'gunicorn-py',
  defaultSeverity: 'warning',
  docs: {
    summary: 'A module-level name looks like a misspelt Gunicorn setting, which Gunicorn silently ignores.',
    details:
      'Gunicorn runs the config file and picks up only the module-level names that are exactly a setting name; ' +
      'every other name is ignored without a word, so `threds = 4` leaves one thread. A name is reported when it is close ' +
      'to a setting, is the command-line spelling of one (`pid` for `pidfile`) or a setting that no longer exists (`debug`). ' +
      'Helper variables are left alone: names read elsewhere in the file, imports, `_private` names and ALL_CAPS constants. ' +
      'The fixes rename the variable to the setting.',
    example: {
      file: 'gunicorn.conf.py',
      wrong: ["bind = \"0.0.0.0:8000\"", 'workers = 4', 'threds = 4'],
      right: ["bind = \"0.0.0.0:8000\"", 'workers = 4', 'threads = 4'],
    },
    fix: 'The quick fixes rename the variable to the setting it is close to.',
    silence: 'When the name is a helper variable of your own that happens to look like a setting; renaming it (say with a leading `_`) is clearer.',
  },
  check: (document): Finding<UnknownSettingData>[] => {
    const config = document.gunicorn;
    if (!config.checksFile) return [];
    return config.nonSettingAssignments.flatMap((assignment) => {
      const { name } = assignment;
      if (name.startsWith('_') || CONSTANT.test(name) || config.isRead(name)) return [];
      if (assignment.kind === 'loop-target' || assignment.kind === 'with-target' || assignment.kind === 'walrus') return [];
      const suggestions = suggestSettings(name);
      if (suggestions.length === 0) return [];
      return [{ range: assignment.nameRange, message: unknownSettingMessage(name, suggestions), data: { assignment, suggestions } }];
    });
  },
  fixes: (_document, finding): Fix[] =>
    finding.data.suggestions.map((suggestion, i) => ({
      title: message('gunicorn/unknown-setting.rename', { name: quoted(suggestion.name) }),
      isPreferred: i === 0 && finding.data.suggestions.length === 1 && suggestion.why !== 'former',
      changes: [{ kind: 'replace', range: finding.data.assignment.nameRange, newText: suggestion.name }],
    })),
});
