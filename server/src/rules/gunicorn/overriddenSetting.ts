import type { Binding, SettingBinding } from '../../model/gunicornConfig';
import { basename } from '../../text/paths';
import type { Finding, RelatedLocation } from '../types';
import { defineRule } from '../types';

/** Where a setting's value comes from, in Gunicorn's order of precedence. */
function origin(binding: Binding): string {
  return binding.source === 'launch' ? binding.setting.from : 'conf.py';
}

function shown(binding: Binding): string {
  if (binding.source !== 'launch') return `\`${binding.name}\` in the config file`;
  const { setting } = binding;
  if (setting.from === 'env') return `\`${setting.flag}\` in the environment`;
  return `\`${setting.flag}\` ${setting.from === 'cmd-args' ? 'in `GUNICORN_CMD_ARGS`' : 'on the command line'}`;
}

export const overriddenSettingRule = defineRule({
  id: 'gunicorn/overridden-setting',
  fileKind: 'gunicorn-py',
  defaultSeverity: 'information',
  docs: {
    summary: 'A setting is given both in the config file and by the launch, and only one of them is in force.',
    details:
      'Gunicorn applies, from lowest to highest: the environment (`PORT`, `WEB_CONCURRENCY`), the config file, ' +
      '`GUNICORN_CMD_ARGS`, then the command line. pydeploy shows both places, so that a value that another one replaces ' +
      'is not taken for the one in force.',
    example: {
      file: 'Dockerfile',
      wrong: ['FROM python:3.12-slim', 'ENV GUNICORN_CMD_ARGS="--workers 2"', 'CMD ["gunicorn", "--workers", "4", "shop.wsgi"]'],
      right: ['FROM python:3.12-slim', 'CMD ["gunicorn", "--workers", "4", "shop.wsgi"]'],
    },
    fix: 'Keep the value in one place: remove it from the source that does not win, or move it where the team looks for it.',
    silence: 'When the override is deliberate (a default in the config file that one launch changes on purpose).',
  },
  check: (document): Finding<SettingBinding>[] => {
    const config = document.gunicorn;
    const launchPath = config.launch?.launch.path;
    // A place in the launch file is known; the config file's, seen from a launch file, is not shown.
    const related = (binding: Binding, message: string): RelatedLocation[] => {
      if (config.isLocal(binding)) return [{ range: binding.nameRange, message }];
      return binding.source === 'launch' && launchPath ? [{ range: binding.nameRange, message, path: launchPath }] : [];
    };
    const findings: Finding<SettingBinding>[] = [];
    const names = new Set(config.settings.filter(({ binding }) => binding.source === 'launch').map(({ facts }) => facts.name));
    for (const name of names) {
      const all = config.all(name);
      const winner = all[all.length - 1];
      // `PORT` and `WEB_CONCURRENCY` are defaults, meant to be replaced (`--bind :$PORT` is the usual way to use PORT).
      const overridden = all.filter(({ binding }) => origin(binding) !== origin(winner.binding) && origin(binding) !== 'env').pop();
      if (!overridden || winner.binding.conditional) continue;
      const where = winner.binding.source === 'launch' && config.launch ? ` (${config.launch.launch.label} in ${basename(config.launch.launch.path)})` : '';
      if (config.isLocal(overridden.binding)) {
        findings.push({
          range: overridden.binding.nameRange,
          message: `${shown(winner.binding)}${where} wins over ${shown(overridden.binding)}: this value is not the one in force.`,
          related: related(winner.binding, `${shown(winner.binding)} wins`),
          data: overridden,
        });
      }
      if (config.isLocal(winner.binding)) {
        findings.push({
          range: winner.binding.nameRange,
          message: `${shown(winner.binding)} overrides ${shown(overridden.binding)}.`,
          related: related(overridden.binding, `${shown(overridden.binding)} is overridden`),
          data: winner,
        });
      }
    }
    return findings;
  },
  fixes: () => [],
});
