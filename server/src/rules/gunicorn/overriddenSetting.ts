import type { Binding, SettingBinding } from '../../model/gunicornConfig';
import { basename } from '../../text/paths';
import type { Finding, RelatedLocation } from '../types';
import { defineRule } from '../types';
import { Message, message } from '../../l10n/message';

/** Where a setting's value comes from, in Gunicorn's order of precedence. */
function origin(binding: Binding): string {
  return binding.source === 'launch' ? binding.setting.from : 'conf.py';
}

function shown(binding: Binding): Message {
  if (binding.source !== 'launch') return message('gunicorn/overridden-setting.in-file', { name: binding.name });
  const { setting } = binding;
  if (setting.from === 'env') return message('gunicorn/overridden-setting.in-environment', { flag: setting.flag });
  return message(setting.from === 'cmd-args' ? 'gunicorn/overridden-setting.in-cmd-args' : 'gunicorn/overridden-setting.on-command-line', { flag: setting.flag });
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
    const related = (binding: Binding, said: Message): RelatedLocation[] => {
      if (config.isLocal(binding)) return [{ range: binding.nameRange, message: said }];
      return binding.source === 'launch' && launchPath ? [{ range: binding.nameRange, message: said, path: launchPath }] : [];
    };
    const findings: Finding<SettingBinding>[] = [];
    const names = new Set(config.settings.filter(({ binding }) => binding.source === 'launch').map(({ facts }) => facts.name));
    for (const name of names) {
      const all = config.all(name);
      const winner = all[all.length - 1];
      // `PORT` and `WEB_CONCURRENCY` are defaults, meant to be replaced (`--bind :$PORT` is the usual way to use PORT).
      const overridden = all.filter(({ binding }) => origin(binding) !== origin(winner.binding) && origin(binding) !== 'env').pop();
      if (!overridden || winner.binding.conditional) continue;
      const where =
        winner.binding.source === 'launch' && config.launch
          ? message('gunicorn/overridden-setting.where', { label: config.launch.launch.label, file: basename(config.launch.launch.path) })
          : '';
      if (config.isLocal(overridden.binding)) {
        findings.push({
          range: overridden.binding.nameRange,
          message: message('gunicorn/overridden-setting.loses', { winner: shown(winner.binding), where, overridden: shown(overridden.binding) }),
          related: related(winner.binding, message('related.wins', { setting: shown(winner.binding) })),
          data: overridden,
        });
      }
      if (config.isLocal(winner.binding)) {
        findings.push({
          range: winner.binding.nameRange,
          message: message('gunicorn/overridden-setting.wins', { winner: shown(winner.binding), overridden: shown(overridden.binding) }),
          related: related(overridden.binding, message('related.overridden', { setting: shown(overridden.binding) })),
          data: winner,
        });
      }
    }
    return findings;
  },
  fixes: () => [],
});
