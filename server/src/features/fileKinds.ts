import type { FileKind } from '../model/document';
import { requirementFileKind } from '../parse/requirements';
import { isAgentConfigName, isNewRelicConfigName } from '../model/agentConfigLocation';
import { launchReaderFor } from '../parse/launch/registry';
import { isTemplateName, renderedName } from '../model/templates';

function baseName(path: string): string {
  return path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
}

/** A line that is exactly a `[uwsgi]` header, the way uWSGI recognises it. */
const UWSGI_HEADER = /^[ \t]*\[uwsgi\][ \t\r]*$/m;

/**
 * A file whose first line that is not blank or a comment is `[uwsgi]`: a uWSGI ini config whatever its name
 * (`uwsgi --ini app.conf` reads it as one), as VS Code's `firstLine` for the uwsgi-ini language says too.
 */
const STARTS_WITH_UWSGI_HEADER = /^(?:\uFEFF)?(?:[ \t]*(?:[#;][^\n]*)?\r?\n)*[ \t]*\[uwsgi\][ \t\r]*(?:\n|$)/;

/** A header of one of the agent's sections, `[tingyun]` or `[tingyun:...]`, as Python's reader finds it. */
const TINGYUN_HEADER = /^[ \t]*\[tingyun(:[^\]\r\n]*)?\]/m;

/** A header of New Relic's settings, `[newrelic]` or `[newrelic:ENV]`. */
const NEWRELIC_HEADER = /^[ \t]*\[newrelic(:[^\]\r\n]*)?\]/m;

/** `gunicorn.conf.py`, `gunicorn_conf.py`, `gunicorn.config.py`, `gunicorn-prod.py`...: any `gunicorn*.py`. */
function isGunicornName(name: string): boolean {
  return name.startsWith('gunicorn') && name.endsWith('.py');
}

/**
 * Turns a glob as VS Code settings write them (`**` for any folders, `*` within a name, `?`, `{a,b}`) into a
 * regular expression over `/`-separated paths. A glob without a `/` matches the file name in any folder.
 */
export function globToRegExp(glob: string): RegExp {
  const pattern = glob.replace(/\\/g, '/');
  let source = '';
  for (let i = 0; i < pattern.length; i++) {
    const char = pattern[i];
    if (char === '*' && pattern[i + 1] === '*') {
      source += pattern[i + 2] === '/' ? '(?:.*/)?' : '.*';
      i += pattern[i + 2] === '/' ? 2 : 1;
    } else if (char === '*') source += '[^/]*';
    else if (char === '?') source += '[^/]';
    else if (char === '{') source += '(?:';
    else if (char === '}') source += ')';
    else if (char === ',' ) source += '|';
    else source += char.replace(/[.+^$()|[\]\\]/g, '\\$&');
  }
  const anchored = pattern.includes('/') ? `(?:^|/)${source.replace(/^\(\?:\.\*\/\)\?/, '')}$` : `(?:^|/)${source}$`;
  return new RegExp(anchored);
}

/**
 * A key only uWSGI's build profiles have (buildconf/*.ini, read by uwsgiconfig.py and `UWSGI_PROFILE=... pip install
 * uwsgi`): such a `[uwsgi]` file builds the server and is never given to it, so its keys are not options.
 */
const BUILD_PROFILE_KEYS = ['main_plugin', 'embedded_plugins', 'bin_name', 'malloc_implementation', 'plugin_build_dir', 'as_shared_library'];
const BUILD_PROFILE_KEY = new RegExp(`^[ \\t]*(?:${BUILD_PROFILE_KEYS.join('|')})[ \\t]*=`, 'm');

/** Whether a line sets a build profile's key: the plain search first, as the expression tries every line start. */
function isBuildProfile(text: string): boolean {
  return BUILD_PROFILE_KEYS.some((key) => text.includes(key)) && BUILD_PROFILE_KEY.test(text);
}

export interface FileKindSettings {
  /** Extra globs of Python files to read as Gunicorn configs (`pydeploy.gunicornConfigFiles`). */
  gunicornConfigFiles?: readonly string[];
}

/**
 * Which kind of file this is, or undefined for files pydeploy leaves alone: `uwsgi*.ini` by name
 * (even before it has a section), `tingyun*.ini` and `newrelic*.ini` likewise; any other `.ini` when it holds a
 * `[uwsgi]` section, else a `[tingyun...]` one, else a `[newrelic...]` one; a file of any other name that starts with `[uwsgi]`; a uWSGI template (`uwsgi.ini.j2`)
 * as the `.ini` it renders to; not a uWSGI build profile; `gunicorn*.py` and the Python files the `gunicornConfigFiles` setting names; and
 * the requirement files (requirements*.txt/.in, pyproject.toml, Pipfile, Pipfile.lock, poetry.lock, setup.cfg),
 * read for their Tornado pin. A file that a server config names as the agent's config is found with the
 * workspace (see analysis.ts), not here.
 */
export function detectFileKind(path: string, text: string, settings: FileKindSettings = {}): FileKind | undefined {
  // A file that starts a server: a Dockerfile, Compose or Kubernetes YAML, a Procfile, a unit, a script, ...
  return configFileKind(path, text, settings) ?? (/uwsgi|gunicorn/i.test(text) && launchReaderFor(path.replace(/\\/g, '/'), text) ? 'launch' : undefined);
}

function configFileKind(path: string, text: string, settings: FileKindSettings): FileKind | undefined {
  const kind = fileKindOf(path, text, settings);
  return kind === 'uwsgi-ini' && isBuildProfile(text) ? undefined : kind;
}

function fileKindOf(path: string, text: string, settings: FileKindSettings): FileKind | undefined {
  const name = baseName(path).toLowerCase();
  if (isGunicornName(name)) return 'gunicorn-py';
  if (name.endsWith('.py')) {
    const normalized = path.replace(/\\/g, '/');
    return settings.gunicornConfigFiles?.some((glob) => globToRegExp(glob).test(normalized)) ? 'gunicorn-py' : undefined;
  }
  if (requirementFileKind(name)) return 'requirements';
  // A uWSGI template (`uwsgi.ini.j2`, `uwsgi.ini.template`) is read as the config it renders to, placeholders aside.
  if (isTemplateName(name)) {
    const rendered = renderedName(name);
    return rendered.endsWith('.ini') && (rendered.startsWith('uwsgi') || UWSGI_HEADER.test(text)) ? 'uwsgi-ini' : undefined;
  }
  if (!name.endsWith('.ini')) return STARTS_WITH_UWSGI_HEADER.test(text) ? 'uwsgi-ini' : undefined;
  if (name.startsWith('uwsgi')) return 'uwsgi-ini';
  if (isAgentConfigName(name)) return 'agent-ini';
  if (isNewRelicConfigName(name)) return 'newrelic-ini';
  if (UWSGI_HEADER.test(text)) return 'uwsgi-ini';
  if (TINGYUN_HEADER.test(text)) return 'agent-ini';
  return NEWRELIC_HEADER.test(text) ? 'newrelic-ini' : undefined;
}

/**
 * Whether a file may be a launch file by its name: the registry decides by name and text, and YAML, `.conf`/`.ini`
 * and extensionless scripts are told apart only by their text, so every such name is a candidate.
 */
export function mayBeLaunchFile(path: string): boolean {
  const name = baseName(path);
  return /^(dockerfile|containerfile|procfile)(\..+)?$|\.(dockerfile|containerfile|ya?ml|service|conf|ini|sh|bash)$/i.test(name) || !name.includes('.');
}

/**
 * Whether a file name alone could be one pydeploy reads (the CLI's walk uses it before reading). A file of another
 * name that starts with `[uwsgi]` is read when named on the command line or opened, not looked for.
 */
export function mayBeHandled(path: string): boolean {
  const name = baseName(path).toLowerCase();
  return renderedName(name).endsWith('.ini') || isGunicornName(name) || requirementFileKind(name) !== undefined || mayBeLaunchFile(path);
}
