import { defineRule } from '../types';
import type { UwsgiInclude, UwsgiNamedFile } from '../../model/uwsgiConfig';
import type { Finding } from '../types';

function messageFor(include: UwsgiInclude): string | undefined {
  switch (include.status) {
    case 'not-found':
      return `pydeploy cannot find \`${include.target}\`: checks that need the options it sets are skipped.`;
    case 'no-section':
      return `\`${include.target}\` has no [${include.section}] section: uWSGI reads nothing from it.`;
    case 'cycle':
      return `\`${include.option.entry.value}\` includes a file that is already being read: the include goes round in a circle.`;
    default:
      return undefined;
  }
}

/** What a launch line should know of a config file it names that pydeploy does not read. */
function namedFileMessage(named: UwsgiNamedFile): string | undefined {
  const { file, section, format } = named.item;
  switch (named.status) {
    case 'not-found':
      return `\`${file}\` is not in the workspace: checks that need the options it sets are skipped.`;
    case 'no-section':
      return `\`${file}\` has no [${section}] section: uWSGI reads nothing from it.`;
    case 'other-format':
      return `pydeploy reads ini files only, not this ${format === 'other' ? '' : `${format.toUpperCase()} `}config: the options it sets are not known, and checks that need them are skipped.`;
    default:
      return undefined;
  }
}

export const includeNotFoundRule = defineRule({
  id: 'uwsgi/include-not-found',
  fileKind: 'uwsgi-ini',
  defaultSeverity: 'information',
  docs: {
    summary: 'An included config file (or one a launch names) pydeploy cannot find or does not read, or an include cycle.',
    details:
      'Options set in an `ini =`, `include =` or `inherit =` file count for the agent rules when the file is in the ' +
      'workspace (relative paths are tried from the including file\'s folder, then from the workspace folder). When ' +
      'it is not, pydeploy says so here and skips the checks that would need its options, rather than guess.',
    example: {
      file: 'uwsgi.ini',
      wrong: ['[uwsgi]', 'ini = common.ini', 'module = myapp.wsgi:application'],
      right: ['[uwsgi]', 'module = myapp.wsgi:application', 'enable-threads = true', 'single-interpreter = true', 'lazy-apps = true'],
    },
    fix: 'No quick fix: add the included file to the workspace (or fix its path), or write the options it held into this file.',
    silence: 'When the included file is generated on the server and never in the repository; the agent rules then cannot see its options.',
  },
  check: (document): Finding<UwsgiInclude | UwsgiNamedFile>[] => {
    const config = document.uwsgi;
    const included = config.includes
      .filter((include) => include.option.local)
      .flatMap((include) => {
        const message = messageFor(include);
        return message ? [{ range: include.option.entry.valueRange, message, data: include }] : [];
      });
    // The files a launch line names, said on the launch line (once: the launch file's own reading).
    const launchPath = config.launch?.commandLine.launch.path;
    const named = launchPath === config.path ? config.namedFiles : [];
    return [
      ...included,
      ...named.flatMap((file) => {
        const message = namedFileMessage(file);
        return message ? [{ range: file.item.range, message, data: file }] : [];
      }),
    ];
  },
  fixes: () => [],
});
