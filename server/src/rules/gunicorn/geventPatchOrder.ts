import type { GunicornConfig } from '../../model/gunicornConfig';
import { importTimeCode } from '../../model/appModules';
import type { Position } from '../../text/lineIndex';
import { Finding, Fix, defineRule } from '../types';
import { quoted } from '../quoted';
import { consequences, forAgents, needHolders } from '../agentNeeds';
import { renderText } from '../../l10n/message';
import { callName, firstMatch, isGeventWorker, preloadOn, workerClass } from './processModel';

interface GeventPatchOrderData {
  /** Where the patch goes in the config (before its first statement), when the finding is in the config. */
  patchAt?: Position;
}

/** What a gevent worker's late patch costs any app: names bound before it keep the blocking originals. */
const UNPATCHED = 'what it imported keeps blocking sockets and locks';

/**
 * The config's first statement that patches gevent: `monkey.patch_all()`, a `patch_all()` imported from
 * gevent.monkey, or `import ddtrace.auto` (which patches gevent itself; Datadog asks for it first with gevent workers).
 */
function patchPoint(code: string): { start: number } | undefined {
  const importsPatchAll = /\bfrom\s+gevent\.monkey\s+import\s+[^\n]*\bpatch_all\b/.test(code);
  return firstMatch(code, [/\bmonkey\.patch_all\s*\(/, /\bimport\s+ddtrace\.auto\b/, ...(importsPatchAll ? [/(?<![\w.])patch_all\s*\(/] : [])]);
}

/** The start of the config's first statement after a docstring, comments and `from __future__` imports. */
function firstStatement(config: GunicornConfig, code: string): Position {
  const { index } = config.module;
  for (let line = 0; line < index.lineCount; line++) {
    const text = code.slice(index.lineStart(line), index.lineContentEnd(line));
    if (text.trim() === '' || /^\s*from\s+__future__\s+import\b/.test(text)) continue;
    return { line, character: 0 };
  }
  return index.positionAt(code.length);
}

export const geventPatchOrderRule = defineRule({
  id: 'gunicorn/gevent-patch-order',
  fileKind: 'gunicorn-py',
  defaultSeverity: 'warning',
  needs: ['gunicorn-gevent-patch-first'],
  docs: {
    summary: 'With gevent workers, the app or the agent is imported before gevent patches the standard library.',
    details:
      "A gevent worker calls `gevent.monkey.patch_all()` only once it is forked. What the master imported before that " +
      '(the whole app with `preload_app = True` or `--preload`, and anything the config imports) keeps the blocking ' +
      'sockets, locks and SSL it bound at import: requests stall the worker, and agents such as Datadog\'s tracer or ' +
      "OpenTelemetry's metric reader miss calls or deadlock. Patch first: call `gevent.monkey.patch_all()` (or, for " +
      'Datadog, `import ddtrace.auto`) at the top of the Gunicorn config, before any other import, or stop preloading. ' +
      'Reported on the preload setting, and on an agent imported in the config before the patch.',
    example: {
      file: 'gunicorn.conf.py',
      wrong: ['worker_class = "gevent"', 'workers = 4', 'worker_connections = 1000', 'max_requests = 1000', 'preload_app = True'],
      right: ['from gevent import monkey', 'monkey.patch_all()', '', 'worker_class = "gevent"', 'workers = 4', 'worker_connections = 1000', 'max_requests = 1000', 'preload_app = True'],
    },
    fix: "The quick fix adds `from gevent import monkey` and `monkey.patch_all()` before the config's first statement (Gunicorn runs the config before it loads the app).",
    silence: 'When the app patches gevent itself before anything else is imported, in a way pydeploy does not see.',
  },
  check: (document): Finding<GeventPatchOrderData>[] => {
    const config = document.gunicorn;
    const worker = workerClass(config);
    if (!worker || !isGeventWorker(worker)) return [];
    const code = importTimeCode(config.module.text);
    const patch = patchPoint(code);
    const holders = needHolders(document, 'gunicorn-gevent-patch-first');
    const patchAt = config.checksFile ? firstStatement(config, code) : undefined;
    const findings: Finding<GeventPatchOrderData>[] = [];
    const preload = preloadOn(config);
    // The config runs before the preloaded app is loaded: a patch at its top level comes first.
    if (preload && config.isLocal(preload.binding.binding) && !patch) {
      const setting = preload.binding.binding.source === 'launch' ? '`--preload`' : '`preload_app = True`';
      const what = holders.length > 0 ? renderText(consequences(holders), 'en') : UNPATCHED;
      const finding = { range: preload.value.range, message: `${setting} imports the app before the gevent workers patch: ${what}; patch first, in the config.`, data: { patchAt } };
      findings.push(holders.length > 0 ? forAgents(finding, holders, document.path) : finding);
    }
    if (!config.checksFile) return findings;
    const { index } = config.module;
    for (const holder of holders) {
      const found = firstMatch(code, holder.agent.profile.signals.code);
      if (!found || (patch && found.start >= patch.start)) continue;
      const call = callName(found.text);
      const range = { start: index.positionAt(found.start), end: index.positionAt(found.start + call.length) };
      findings.push(forAgents({ range, message: `\`${call}\` comes before gevent patches, with gevent workers: ${renderText(consequences([holder]), 'en')}; patch first.`, data: { patchAt } }, [holder], document.path));
    }
    return findings;
  },
  fixes: (document, finding): Fix[] => {
    const at = finding.data.patchAt;
    if (!at) return [];
    const { eol } = document.gunicorn.module.index;
    return [
      {
        title: `Patch gevent first: ${quoted('monkey.patch_all()')} at the top of the config`,
        isPreferred: false,
        changes: [{ kind: 'replace', range: { start: at, end: at }, newText: `from gevent import monkey${eol}monkey.patch_all()${eol}${eol}` }],
      },
    ];
  },
});
