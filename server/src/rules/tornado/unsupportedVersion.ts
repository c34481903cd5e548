import { allowedVersions, compareVersion, findRequirementPins } from '../../parse/requirements';
import { defineRule } from '../types';
import { forAgents, needHolders } from '../agentNeeds';
import { MessageArgument, message } from '../../l10n/message';

/** The Tornado lines the agent's deployment page supports: 3.0 up to, not including, 5.0. */
const SUPPORTED_FROM = [3, 0, 0];
const SUPPORTED_BELOW = [5, 0, 0];

/** `A and B and C`, in any locale. */
function allOf(names: readonly string[]): MessageArgument {
  return names.length <= 1 ? names.join('') : message('and', { first: names[0], rest: allOf(names.slice(1)) });
}

export const unsupportedVersionRule = defineRule({
  id: 'tornado/unsupported-version',
  fileKind: 'requirements',
  defaultSeverity: 'warning',
  needs: ['tornado-version'],
  docs: {
    summary: 'The project pins a Tornado version outside the 3.x–4.x the agent supports.',
    details:
      'The agent instruments Tornado 3.x and 4.x only. It chooses its Tornado hooks by looking for `4.` in the version ' +
      'text, so Tornado 5 gets no instrumentation at all, while 6.4 (which contains `4.`) gets the 4.x hooks patched ' +
      'into code they were not written for. Read in `requirements*.txt`, `pyproject.toml`, `Pipfile`, `Pipfile.lock`, ' +
      '`poetry.lock` and `setup.cfg`; only pins whose every allowed version lies outside 3.x–4.x are reported, on the pin itself.',
    example: {
      file: 'requirements.txt',
      wrong: ['tornado==6.4'],
      right: ['tornado==4.5.3'],
    },
    fix: 'No quick fix: pin a Tornado 3.x or 4.x release, or check with Tingyun for an agent release that supports your Tornado.',
    silence: 'When you have confirmed that your agent release supports the Tornado you run.',
  },
  check: (document) => {
    const holders = needHolders(document, 'tornado-version');
    if (holders.length === 0) return [];
    const agent = allOf(holders.map(({ agent }) => agent.profile.name));
    return findRequirementPins(document.requirementKind, document.text, 'tornado').flatMap((pin) => {
      const { min, below } = allowedVersions(pin);
      const tooNew = min !== undefined && compareVersion(min, SUPPORTED_BELOW) >= 0;
      const tooOld = below !== undefined && compareVersion(below, SUPPORTED_FROM) <= 0;
      if (!tooNew && !tooOld) return [];
      const version = pin.specifier.replace(/^==/, '') || message('tornado/unsupported-version.this-version');
      const said = message(tooNew ? (min![0] === 5 ? 'tornado/unsupported-version.too-new-5' : 'tornado/unsupported-version.too-new') : 'tornado/unsupported-version.too-old', { version, agent });
      return [forAgents({ range: pin.range, message: said, data: undefined }, holders, document.path)];
    });
  },
  fixes: () => [],
});
