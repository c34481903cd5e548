import type { PyFunction } from '../../parse/gunicornPy';
import type { GunicornSettingFacts } from '../../knowledge/gunicorn/settings';
import type { Binding } from '../../model/gunicornConfig';
import { rangesTouch } from '../../text/lineIndex';
import { Finding, Fix, defineRule } from '../types';
import { MessageArgument, message } from '../../l10n/message';

interface HookSignatureData {
  fn: PyFunction;
  facts: GunicornSettingFacts;
}

/** `1 or 2`: the numbers of positional parameters Gunicorn may pass. */
function either(numbers: readonly number[]): MessageArgument {
  return numbers.length === 1 ? String(numbers[0]) : message('list-or-last', { first: numbers.slice(0, -1).map(String), last: String(numbers[numbers.length - 1]) });
}

function definitionOf(bindings: readonly Binding[], name: string): Binding | undefined {
  const defs = bindings.filter((binding) => binding.name === name);
  const last = defs[defs.length - 1];
  return last?.source === 'function' && !last.conditional ? last : undefined;
}

export const hookSignatureRule = defineRule({
  id: 'gunicorn/hook-signature',
  fileKind: 'gunicorn-py',
  defaultSeverity: 'error',
  docs: {
    summary: 'A server hook is defined with a number of parameters Gunicorn does not call it with.',
    details:
      'Gunicorn checks each hook when it reads the file: the number of positional parameters (those with defaults ' +
      'included, `*args` not) must be exactly the number it passes, such as two for `post_fork(server, worker)`. ' +
      'Otherwise it refuses to start with "Invalid value for post_fork". Decorated functions are not judged.',
    example: {
      file: 'gunicorn.conf.py',
      wrong: ['def post_fork(worker):', "    worker.log.info(\"forked\")"],
      right: ['def post_fork(server, worker):', "    worker.log.info(\"forked\")"],
    },
    fix: 'No quick fix: give the hook exactly the parameters Gunicorn passes; the hover on the hook name shows its signature.',
    silence: 'Not advisable: Gunicorn refuses to start with such a hook.',
  },
  check: (document): Finding<HookSignatureData>[] => {
    const config = document.gunicorn;
    const findings: Finding<HookSignatureData>[] = [];
    if (!config.checksFile) return findings;
    for (const { facts, binding: found } of config.settings) {
      // `post_fork = my_hook` is judged by the definition it names.
      const binding = found.source === 'assignment' && found.assignment.kind === 'plain' && found.assignment.value.kind === 'name' ? definitionOf(config.bindings, found.assignment.value.name) ?? found : found;
      if (binding.source !== 'function' || !facts.hook || !facts.arity || binding.fn.decorated) continue;
      const { fn } = binding;
      // A definition being typed (`def post_fork(server:`) is not judged until it parses.
      if (config.module.syntaxErrors.some((error) => rangesTouch(error, fn.headerRange))) continue;
      const { positional } = fn.signature;
      if (facts.arity.includes(positional)) continue;
      const expected =
        facts.arity.length === 1 && facts.arity[0] === 1 ? message('gunicorn/hook-signature.one-parameter') : message('gunicorn/hook-signature.parameters', { count: either(facts.arity) });
      findings.push({
        range: fn.headerRange,
        message: message('gunicorn/hook-signature.found', { hook: facts.name, expected, signature: facts.default.replace(/^def /, '').replace(/:.*$/, ''), positional }),
        data: { fn, facts },
      });
    }
    return findings;
  },
  fixes: (): Fix[] => [],
});
