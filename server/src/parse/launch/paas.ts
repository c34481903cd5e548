import { isMap, isScalar, isSeq } from 'yaml';
import { dirname, resolvePath } from '../../text/paths';
import { launchOf, serverCommands } from './command';
import { holdsExpansion } from './shellWords';
import type { Launch, LaunchFileReading, LaunchVariable } from './types';
import { child, nodeRange, commandValue, environmentOf, readYaml, scalarWord, stringOf } from './yamlWords';

/**
 * Platform manifests whose start command a shell runs: Render's `render.yaml` (`services[].startCommand`,
 * `envVars`, `rootDir`) and Google App Engine's `app.yaml` (`entrypoint`, `env_variables`).
 */

export function readRenderYaml(path: string, text: string): LaunchFileReading {
  const file = readYaml(text);
  const launches: Launch[] = [];
  for (const document of file.documents) {
    const services = child(document.contents, 'services');
    if (!isSeq(services)) continue;
    for (const service of services.items) {
      const commands = commandValue(file, child(service, 'startCommand'), 'sh', holdsExpansion);
      if (!commands) continue;
      const rootDir = stringOf(child(service, 'rootDir')) ?? '.';
      const env: LaunchVariable[] = [];
      const envVars = child(service, 'envVars');
      if (isSeq(envVars)) {
        for (const entry of envVars.items) {
          const key = stringOf(child(entry, 'key'));
          const valueNode = child(entry, 'value');
          const value = isScalar(valueNode) ? scalarWord(file, valueNode, holdsExpansion) : undefined;
          if (!key || !isMap(entry) || !entry.range) continue;
          const range = nodeRange(file, entry.range);
          // `fromDatabase:`, `generateValue:`, `sync: false`: set by the platform, unknown here.
          env.push({ name: key, value: value?.value ?? '', range, valueRange: value?.range ?? range, opaque: !value || value.opaque });
        }
      }
      const context = { path, fileKind: 'paas' as const, label: `service ${stringOf(child(service, 'name')) ?? ''}`.trim(), env, cwd: resolvePath(dirname(path), rootDir) };
      launches.push(...serverCommands(commands, file).map((server) => launchOf(server, context)));
    }
  }
  return { launches, imageRuns: [], notes: file.notes };
}

export function readAppYaml(path: string, text: string): LaunchFileReading {
  const file = readYaml(text);
  const launches: Launch[] = [];
  for (const document of file.documents) {
    const commands = commandValue(file, child(document.contents, 'entrypoint'), 'sh', holdsExpansion);
    if (!commands) continue;
    const env = environmentOf(file, child(document.contents, 'env_variables'), holdsExpansion);
    const context = { path, fileKind: 'paas' as const, label: 'entrypoint', env, cwd: dirname(path) };
    launches.push(...serverCommands(commands, file).map((server) => launchOf(server, context)));
  }
  return { launches, imageRuns: [], notes: file.notes };
}
