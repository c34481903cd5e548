import { Node, isMap, isScalar, isSeq } from 'yaml';
import { resolvePath } from '../../text/paths';
import { ArgvCommand, launchOf, serverCommands } from './command';
import type { Launch, LaunchFileReading, LaunchVariable } from './types';
import { YamlFile, child, nodeRange, commandValue, isTemplated, kubernetesExpansion, readYaml, scalarWord, stringOf } from './yamlWords';

/**
 * Kubernetes manifests (several documents per file, Helm templates read with their `{{ }}` as unknown values):
 * the `command:` + `args:` (Docker's ENTRYPOINT + CMD), `env:` and `workingDir:` of each container of each
 * workload.
 */

export const WORKLOAD_KINDS = ['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'Pod', 'Job', 'CronJob'];

/** The pod spec of a workload, by kind. */
function podSpec(document: unknown, kind: string): Node | undefined {
  const spec = child(document, 'spec');
  if (kind === 'Pod') return spec;
  if (kind === 'CronJob') return child(child(child(child(spec, 'jobTemplate'), 'spec'), 'template'), 'spec');
  return child(child(spec, 'template'), 'spec');
}

export function readKubernetes(path: string, text: string): LaunchFileReading {
  const file = readYaml(text);
  const launches: Launch[] = [];
  for (const document of file.documents) {
    const kind = stringOf(child(document.contents, 'kind'));
    if (!kind || !WORKLOAD_KINDS.includes(kind)) continue;
    const workload = stringOf(child(child(document.contents, 'metadata'), 'name')) ?? kind;
    const containers = child(podSpec(document.contents, kind), 'containers');
    if (!isSeq(containers)) continue;
    for (const container of containers.items) {
      if (!isMap(container)) continue;
      const name = stringOf(child(container, 'name')) ?? '';
      const command = commandValue(file, child(container, 'command'), 'shlex', kubernetesExpansion);
      const args = commandValue(file, child(container, 'args'), 'shlex', kubernetesExpansion);
      const argv = joined(command, args);
      if (!argv) continue;
      const workingDir = stringOf(child(container, 'workingDir'));
      const cwd = workingDir && !kubernetesExpansion(workingDir) && !/\{\{/.test(workingDir) ? resolvePath('/', workingDir) : undefined;
      const context = { path, fileKind: 'kubernetes' as const, label: `${kind} ${workload} / container ${name}`, env: envOf(file, child(container, 'env')), ...(cwd ? { cwd } : {}) };
      launches.push(...serverCommands(argv, file).map((server) => launchOf(server, context)));
    }
  }
  return { launches, imageRuns: [], notes: file.notes };
}

/** `command:` then `args:`; a fix adds to `args:` when there is one, else to `command:`. */
function joined(command: ArgvCommand[] | undefined, args: ArgvCommand[] | undefined): ArgvCommand[] | undefined {
  if (!command) return undefined;
  const parts = [...command, ...(args ?? [])];
  const last = parts[parts.length - 1];
  return [{ words: parts.flatMap((part) => part.words), ...(last?.insertion ? { insertion: last.insertion } : {}) }];
}

/** `env: [{name, value}]`; `valueFrom:` (a secret, a field) is unknown here. */
function envOf(file: YamlFile, node: Node | undefined): LaunchVariable[] {
  if (!isSeq(node)) return [];
  return node.items.flatMap((entry): LaunchVariable[] => {
    const nameNode = child(entry, 'name');
    const name = stringOf(nameNode);
    if (!name || !isMap(entry) || !entry.range || !nameNode?.range) return [];
    const valueNode = child(entry, 'value');
    const value = isScalar(valueNode) ? scalarWord(file, valueNode, kubernetesExpansion) : undefined;
    const range = nodeRange(file, entry.range);
    const end = nameNode.range[1];
    return [
      {
        name,
        value: value?.value ?? '',
        range,
        valueRange: value ? value.range : file.index.rangeOf(end, end),
        opaque: !value || value.opaque || isTemplated(file, entry.range[0], entry.range[1]),
      },
    ];
  });
}
