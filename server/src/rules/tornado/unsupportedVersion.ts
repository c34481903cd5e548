import { allowedVersions, compareVersion, findRequirementPins } from '../../parse/requirements';
import { defineRule } from '../types';
import { forAgents, needHolders } from '../agentNeeds';

/** The Tornado lines the agent's deployment page supports: 3.0 up to, not including, 5.0. */
const SUPPORTED_FROM = [3, 0, 0];
const SUPPORTED_BELOW = [5, 0, 0];

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
    const agent = holders.map(({ agent }) => agent.profile.name).join(' and ');
    return findRequirementPins(document.requirementKind, document.text, 'tornado').flatMap((pin) => {
      const { min, below } = allowedVersions(pin);
      const tooNew = min !== undefined && compareVersion(min, SUPPORTED_BELOW) >= 0;
      const tooOld = below !== undefined && compareVersion(below, SUPPORTED_FROM) <= 0;
      if (!tooNew && !tooOld) return [];
      const version = pin.specifier.replace(/^==/, '') || 'this version';
      const message = tooNew
        ? `Tornado ${version} is newer than ${agent} supports (3.x and 4.x): ${min![0] === 5 ? 'it finds no Tornado to instrument' : 'its Tornado 4 hooks may be applied to a version they do not fit'}, and requests are not traced.`
        : `Tornado ${version} is older than ${agent} supports (3.x and 4.x), and requests are not traced.`;
      return [forAgents({ range: pin.range, message, data: undefined }, holders, document.path)];
    });
  },
  fixes: () => [],
});
