import { Document, Node, YAMLMap, isAlias, isMap, isScalar, isSeq } from 'yaml';
import { dirname, resolvePath } from '../../text/paths';
import { ArgvCommand, launchOf, serverCommands } from './command';
import type { ImageRun, Launch, LaunchEnvFile, LaunchFileReading, LaunchImage } from './types';
import { YamlFile, child, nodeRange, commandValue, composeExpansion, environmentOf, readYaml, stringOf } from './yamlWords';

/**
 * A Compose file: per service, `entrypoint:` and `command:` (string, split as Compose splits it, or list),
 * `environment:` (map or list), `env_file:`, `working_dir:`, and `build:` (which Dockerfile builds the image).
 * A service that names no server itself but builds an image is an ImageRun: its server is the Dockerfile's.
 */
export function readCompose(path: string, text: string): LaunchFileReading {
  const file = readYaml(text);
  const launches: Launch[] = [];
  const imageRuns: ImageRun[] = [];
  const folder = dirname(path);
  for (const document of file.documents) {
    const services = child(document.contents, 'services');
    if (!isMap(services)) continue;
    for (const pair of services.items) {
      const name = stringOf(pair.key);
      const service = pair.value;
      if (!name || !isMap(service)) continue;
      const label = `service ${name}`;
      const setting = (key: string) => serviceSetting(document, service, key);
      const env = environmentOf(file, setting('environment'), composeExpansion);
      const envFiles = envFilesOf(file, setting('env_file'), folder);
      const image = imageOf(file, setting('build'), folder);
      const workingDir = stringOf(setting('working_dir'));
      const cwd = workingDir && !composeExpansion(workingDir) ? resolvePath('/', workingDir) : undefined;
      const entrypoint = commandValue(file, setting('entrypoint'), 'shlex', composeExpansion);
      const command = commandValue(file, setting('command'), 'shlex', composeExpansion);
      const context = { path, fileKind: 'compose' as const, label, env, envFiles, ...(image ? { image } : {}), ...(cwd ? { cwd } : {}) };
      const argv = combined(entrypoint, command);
      const found = argv ? serverCommands(argv, file) : [];
      launches.push(...found.map((server) => launchOf(server, context)));
      if (found.length === 0 && image) {
        const range = nodeRange(file, [isScalar(pair.key) && pair.key.range ? pair.key.range[0] : 0, service.range?.[1] ?? 0]);
        const commandWords = command?.length === 1 ? command[0] : undefined;
        imageRuns.push({
          path,
          fileKind: 'compose',
          label,
          range,
          image,
          ...(entrypoint?.length === 1 ? { entrypoint: entrypoint[0].words.map(({ value, range: r, opaque }) => ({ value, range: r, opaque })) } : {}),
          ...(commandWords ? { command: commandWords.words.map(({ value, range: r, opaque }) => ({ value, range: r, opaque })) } : {}),
          env,
          envFiles,
          ...(cwd ? { cwd } : {}),
          ...(commandWords?.insertion ? { insertion: commandWords.insertion } : {}),
        });
      }
    }
  }
  return { launches, imageRuns, notes: file.notes };
}

/**
 * A setting of a service, its own or merged in with `<<: *anchor` (`<<: [*a, *b]`: the first that has it), as
 * Compose merges YAML anchors. A merged setting's ranges are where the anchor defines it.
 */
function serviceSetting(document: Document.Parsed, service: YAMLMap, key: string, depth = 0): Node | undefined {
  const own = child(service, key);
  if (own || depth > 8) return own;
  for (const pair of service.items) {
    if (!isScalar(pair.key) || pair.key.value !== '<<') continue;
    const sources = isSeq(pair.value) ? pair.value.items : [pair.value];
    for (const source of sources) {
      // An anchor may merge others in turn (`<<: *common` inside `&django`).
      const target = isAlias(source) ? source.resolve(document) : source;
      const merged = isMap(target) ? serviceSetting(document, target, key, depth + 1) : undefined;
      if (merged) return merged;
    }
  }
  return undefined;
}

/**
 * `entrypoint:` followed by `command:` as the container gets them. A string split into several commands (it
 * has no shell, so `&&` is a word) stays one argv.
 */
function combined(entrypoint: ArgvCommand[] | undefined, command: ArgvCommand[] | undefined): ArgvCommand[] | undefined {
  const parts = [...(entrypoint ?? []), ...(command ?? [])];
  if (parts.length === 0) return undefined;
  const last = command?.[command.length - 1] ?? entrypoint?.[entrypoint.length - 1];
  return [{ words: parts.flatMap((part) => part.words), ...(last?.insertion ? { insertion: last.insertion } : {}) }];
}

function envFilesOf(file: YamlFile, node: Node | undefined, folder: string): LaunchEnvFile[] {
  const entries = isSeq(node) ? node.items : node ? [node] : [];
  return entries.flatMap((entry): LaunchEnvFile[] => {
    const pathNode = isMap(entry) ? child(entry, 'path') : entry;
    const value = stringOf(pathNode);
    const range = isScalar(pathNode) ? pathNode.range : undefined;
    if (!value || !range || composeExpansion(value)) return [];
    const required = isMap(entry) ? stringOf(child(entry, 'required')) !== 'false' : true;
    return [{ path: resolvePath(folder, value), range: file.index.rangeOf(range[0], range[1]), required, overridesEnv: false }];
  });
}

/** `build: ctx` → ctx/Dockerfile; `build: {context, dockerfile}` → context/dockerfile. */
function imageOf(file: YamlFile, node: Node | undefined, folder: string): LaunchImage | undefined {
  if (!node?.range) return undefined;
  const context = isMap(node) ? stringOf(child(node, 'context')) ?? '.' : stringOf(node);
  const dockerfile = isMap(node) ? stringOf(child(node, 'dockerfile')) ?? 'Dockerfile' : 'Dockerfile';
  if (context === undefined || composeExpansion(context) || composeExpansion(dockerfile) || /^[a-z]+:\/\//.test(context)) return undefined;
  return { dockerfile: resolvePath(resolvePath(folder, context), dockerfile), range: file.index.rangeOf(node.range[0], node.range[1]) };
}
