import { defineRule } from '../types';
import type { UwsgiInclude, UwsgiNamedFile } from '../../model/uwsgiConfig';
import type { Finding } from '../types';
import { Message, message } from '../../l10n/message';

function messageFor(include: UwsgiInclude): Message | undefined {
  switch (include.status) {
    case 'not-found':
      return message('uwsgi/include-not-found.not-found', { target: include.target });
    case 'no-section':
      return message('uwsgi/include-not-found.no-section', { target: include.target, section: include.section });
    case 'cycle':
      return message('uwsgi/include-not-found.cycle', { value: include.option.entry.value });
    default:
      return undefined;
  }
}

/** What a launch line should know of a config file it names that pydeploy does not read. */
function namedFileMessage(named: UwsgiNamedFile): Message | undefined {
  const { file, section, format } = named.item;
  switch (named.status) {
    case 'not-found':
      return message('uwsgi/include-not-found.not-in-workspace', { file });
    case 'no-section':
      return message('uwsgi/include-not-found.no-section', { target: file, section });
    case 'other-format':
      return message('uwsgi/include-not-found.other-format', { format: format === 'other' ? '' : `${format.toUpperCase()} ` });
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
