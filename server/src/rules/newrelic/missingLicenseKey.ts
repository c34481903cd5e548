import { NEWRELIC_MAIN_SECTION } from '../../knowledge/newrelic/options';
import { workspaceMentions } from '../../model/environmentMentions';
import { defineRule } from '../types';
import { message } from '../../l10n/message';

const VARIABLE = 'NEW_RELIC_LICENSE_KEY';

export const missingLicenseKeyRule = defineRule({
  id: 'newrelic/missing-license-key',
  fileKind: 'newrelic-ini',
  defaultSeverity: 'warning',
  docs: {
    summary: '`license_key` is empty, or missing while nothing in the workspace sets `NEW_RELIC_LICENSE_KEY`.',
    details:
      'The agent takes the key from `NEW_RELIC_LICENSE_KEY`, then from `license_key` in the file, which wins when present: ' +
      'an empty `license_key =` replaces a key from the environment with nothing, and the agent reports nothing. ' +
      'A file with no `license_key` is fine when the environment the app runs in sets the variable; pydeploy reports ' +
      'it only when no file of the workspace (a Dockerfile, a Compose file, a `.env`, a server config, ...) names the variable.',
    example: {
      file: 'newrelic.ini',
      wrong: ['[newrelic]', 'license_key =', 'app_name = shop'],
      right: ['[newrelic]', 'license_key = 0123456789abcdef0123456789abcdef01234567', 'app_name = shop'],
    },
    fix: 'No quick fix: put the key of your New Relic account in `license_key`, or remove the line and set `NEW_RELIC_LICENSE_KEY` where the app runs.',
    silence: 'When the key comes from a place pydeploy does not see (a secret store that sets `NEW_RELIC_LICENSE_KEY`).',
  },
  check: (document) => {
    const { newrelic } = document;
    const findings = newrelic.settingsSections.flatMap((section) =>
      section.entries
        .filter((entry) => entry.hasEquals && entry.key.toLowerCase() === 'license_key' && entry.value === '')
        .map((entry) => ({
          range: entry.keyRange,
          message: message('newrelic/missing-license-key.empty', { section: section.name, variable: VARIABLE }),
          data: undefined,
        })),
    );
    const anywhere = newrelic.entry(NEWRELIC_MAIN_SECTION, 'license_key') ?? newrelic.settingsSections.flatMap((section) => section.entries).find((entry) => entry.hasEquals && entry.key.toLowerCase() === 'license_key');
    if (anywhere || !newrelic.section(NEWRELIC_MAIN_SECTION) || workspaceMentions(document.workspace, document.path, VARIABLE)) return findings;
    return [
      ...findings,
      {
        range: newrelic.anchor,
        message: message('newrelic/missing-license-key.none', { variable: VARIABLE }),
        data: undefined,
      },
    ];
  },
  fixes: () => [],
});
