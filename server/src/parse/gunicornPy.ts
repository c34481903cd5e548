import { parser } from '@lezer/python';
import type { SyntaxNode } from '@lezer/common';
import { LineIndex, Range } from '../text/lineIndex';

/**
 * A Python config file read without running it: its module-level names and the literal values they get.
 * The Lezer grammar recovers from syntax errors, so a file being typed still yields everything around the error.
 */

/** A value as far as the source alone says it; `unknown` when only running the file would tell. */
export type PyValue = { range: Range } & (
  | { kind: 'int'; value: bigint }
  | { kind: 'float'; value: number }
  | { kind: 'str'; value: string }
  | { kind: 'bytes' }
  | { kind: 'bool'; value: boolean }
  | { kind: 'none' }
  | { kind: 'list' | 'tuple' | 'set'; items: PyValue[] }
  | { kind: 'dict'; entries: { key: PyValue; value: PyValue }[] }
  | { kind: 'lambda'; signature: PySignature }
  /** Another name of the file, or an imported one: `post_fork = my_hook`. */
  | { kind: 'name'; name: string }
  /** A dotted name such as `ssl.CERT_NONE` or `mymodule.Worker`, whose value depends on an import. */
  | { kind: 'attribute'; path: string }
  | { kind: 'unknown'; why: 'computed' | 'fstring' | 'syntax-error' }
);

export interface PySignature {
  /** Parameters that can be given by position, those with defaults included (what `inspect` counts). */
  positional: number;
  /** Positional parameters without a default. */
  required: number;
  /** `*args`: any number more fits. */
  varArgs: boolean;
  /** Keyword-only parameters without a default, which a positional call can't satisfy. */
  requiredKeywordOnly: number;
}

/** `name = value` at module level (also inside a module-level `if`, `try`, `for`, `with`). */
export interface PyAssignment {
  name: string;
  nameRange: Range;
  value: PyValue;
  /** The whole statement, for edits that add or remove lines around it. */
  statementRange: Range;
  /** Inside a block that may run not at all, or several times. */
  conditional: boolean;
  /** `x += 1`, `a, b = ...` or a target whose value is not the literal: the value is not known. */
  kind: 'plain' | 'augmented' | 'unpacked' | 'annotation-only' | 'walrus' | 'loop-target' | 'with-target';
}

export interface PyFunction {
  name: string;
  nameRange: Range;
  /** `def name(...)`, from `def` to the closing parenthesis of the parameters. */
  headerRange: Range;
  statementRange: Range;
  signature: PySignature;
  decorated: boolean;
  isAsync: boolean;
  conditional: boolean;
}

export interface PyImport {
  /** The name the import binds (`os`, `mp` for `import multiprocessing as mp`), or `*`. */
  name: string;
  range: Range;
  /** The module and attribute imported, e.g. `multiprocessing` or `config.settings.workers`. */
  from: string;
  conditional: boolean;
}

export interface PyModule {
  text: string;
  index: LineIndex;
  assignments: PyAssignment[];
  functions: PyFunction[];
  classes: { name: string; nameRange: Range; conditional: boolean }[];
  imports: PyImport[];
  /** Every place a name is read (not assigned), anywhere in the file, functions included. */
  reads: Map<string, Range[]>;
  /** Names written inside functions with `global`: set at run time, in hooks or helpers. */
  globals: Set<string>;
  /** Code that can set any module name: `globals()`, `vars()`, `locals()`, `exec`, `setattr` on the module. */
  dynamicNames: boolean;
  syntaxErrors: Range[];
}

const DYNAMIC_NAME_CALLS = new Set(['globals', 'vars', 'locals', 'exec', 'eval', '__import__']);

function children(node: SyntaxNode): SyntaxNode[] {
  const result: SyntaxNode[] = [];
  for (let child = node.firstChild; child; child = child.nextSibling) result.push(child);
  return result;
}

/** Decodes a Python string literal's body; undefined for f-strings and bytes. */
export function decodeStringLiteral(source: string): { kind: 'str'; value: string } | { kind: 'bytes' } | { kind: 'fstring' } | undefined {
  const match = /^([rRbBuUfF]{0,2})('''|"""|'|")([\s\S]*)$/.exec(source);
  if (!match) return undefined;
  const [, prefix, quote, rest] = match;
  const lower = prefix.toLowerCase();
  if (lower.includes('f')) return { kind: 'fstring' };
  if (lower.includes('b')) return { kind: 'bytes' };
  if (!rest.endsWith(quote) || rest.length < quote.length) return undefined;
  const body = rest.slice(0, rest.length - quote.length);
  if (lower.includes('r')) return { kind: 'str', value: body };
  return { kind: 'str', value: unescape(body) };
}

const SIMPLE_ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', '0': '\0', a: '\x07', b: '\b', f: '\f', v: '\v', '\\': '\\', "'": "'", '"': '"' };

function unescape(body: string): string {
  return body.replace(/\\(\r\n|\n|x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|[0-7]{1,3}|.)/g, (whole, escape: string) => {
    if (escape === '\n' || escape === '\r\n') return '';
    if (/^[xuU]/.test(escape) && escape.length > 1) return String.fromCodePoint(parseInt(escape.slice(1), 16));
    if (/^[0-7]+$/.test(escape)) return String.fromCharCode(parseInt(escape, 8));
    return SIMPLE_ESCAPES[escape] ?? whole;
  });
}

/** Reads a Python number literal; undefined for complex numbers and malformed ones (such as `022`). */
export function decodeNumberLiteral(source: string): { kind: 'int'; value: bigint } | { kind: 'float'; value: number } | undefined {
  const text = source.replace(/_/g, '');
  if (/^0[xX][0-9a-fA-F]+$|^0[oO][0-7]+$|^0[bB][01]+$/.test(text)) {
    const prefix = text.slice(0, 2).toLowerCase();
    return { kind: 'int', value: BigInt(prefix + text.slice(2)) };
  }
  if (/^(0+|[1-9][0-9]*)$/.test(text)) return { kind: 'int', value: BigInt(text) };
  if (/^([0-9]+\.?[0-9]*|\.[0-9]+)([eE][+-]?[0-9]+)?$/.test(text)) return { kind: 'float', value: Number(text) };
  return undefined;
}

class Reader {
  readonly index: LineIndex;
  readonly module: PyModule;

  constructor(readonly text: string) {
    this.index = new LineIndex(text);
    this.module = {
      text,
      index: this.index,
      assignments: [],
      functions: [],
      classes: [],
      imports: [],
      reads: new Map(),
      globals: new Set(),
      dynamicNames: false,
      syntaxErrors: [],
    };
  }

  range(node: SyntaxNode): Range {
    return this.index.rangeOf(node.from, node.to);
  }

  source(node: SyntaxNode): string {
    return this.text.slice(node.from, node.to);
  }

  read(): PyModule {
    const tree = parser.parse(this.text);
    const top = tree.topNode;
    this.statements(top, false);
    // Names read anywhere, and what can only be seen by looking at every node.
    const cursor = tree.cursor();
    do {
      const node = cursor.node;
      if (node.type.isError) this.module.syntaxErrors.push(this.range(node));
      if (node.name === 'VariableName' && !this.isBinding(node)) {
        const name = this.source(node);
        const list = this.module.reads.get(name) ?? [];
        list.push(this.range(node));
        this.module.reads.set(name, list);
        if (DYNAMIC_NAME_CALLS.has(name) && node.parent?.name === 'CallExpression') this.module.dynamicNames = true;
      }
      if (node.name === 'ScopeStatement' && this.text.startsWith('global', node.from)) {
        for (const child of children(node)) if (child.name === 'VariableName') this.module.globals.add(this.source(child));
      }
    } while (cursor.next());
    return this.module;
  }

  /** Whether a VariableName node is written rather than read: an assignment target, a parameter, a def or class name, an import. */
  private isBinding(node: SyntaxNode): boolean {
    const parent = node.parent;
    if (!parent) return false;
    switch (parent.name) {
      case 'AssignStatement':
      case 'UpdateStatement':
      case 'NamedExpression':
        return this.isTarget(node);
      case 'FunctionDefinition':
      case 'ClassDefinition':
        return node.prevSibling?.name === 'def' || node.prevSibling?.name === 'class';
      case 'ImportStatement':
      case 'ScopeStatement':
      case 'DeleteStatement':
        return true;
      case 'ParamList':
        return this.isParameterName(node);
      case 'ForStatement':
      case 'WithStatement':
        return this.isTarget(node);
      default:
        return false;
    }
  }

  /** A node before the statement's `=` (`:=`, `+=`, `in`, `as`...). */
  private isTarget(node: SyntaxNode): boolean {
    for (let next = node.nextSibling; next; next = next.nextSibling) {
      if (next.name === 'AssignOp' || next.name === 'UpdateOp' || next.name === 'in' || next.name === 'TypeDef') return true;
    }
    const previous = node.prevSibling;
    return previous?.name === 'as';
  }

  private isParameterName(node: SyntaxNode): boolean {
    let previous = node.prevSibling;
    while (previous && previous.name === 'TypeDef') previous = previous.prevSibling;
    return !previous || ['(', ',', '*', '**'].includes(previous.name);
  }

  private statements(parent: SyntaxNode, conditional: boolean): void {
    for (const node of children(parent)) this.statement(node, conditional);
  }

  private statement(node: SyntaxNode, conditional: boolean): void {
    switch (node.name) {
      case 'AssignStatement':
        return this.assignment(node, conditional);
      case 'UpdateStatement': {
        const target = node.firstChild;
        if (target?.name === 'VariableName') {
          this.module.assignments.push({
            name: this.source(target),
            nameRange: this.range(target),
            value: { kind: 'unknown', why: 'computed', range: this.range(node) },
            statementRange: this.range(node),
            conditional,
            kind: 'augmented',
          });
        }
        return;
      }
      case 'ImportStatement':
        return this.importStatement(node, conditional);
      case 'FunctionDefinition':
        return this.functionDefinition(node, conditional, false);
      case 'DecoratedStatement': {
        const inner = children(node).find((child) => child.name === 'FunctionDefinition' || child.name === 'ClassDefinition');
        if (inner?.name === 'FunctionDefinition') this.functionDefinition(inner, conditional, true, node);
        else if (inner) this.statement(inner, conditional);
        return;
      }
      case 'ClassDefinition': {
        const name = children(node).find((child) => child.name === 'VariableName');
        if (name) this.module.classes.push({ name: this.source(name), nameRange: this.range(name), conditional });
        return;
      }
      case 'IfStatement':
        return this.ifStatement(node, conditional);
      case 'ForStatement':
      case 'WhileStatement':
      case 'WithStatement':
        this.loopOrWithTargets(node, conditional);
        for (const body of children(node)) if (body.name === 'Body') this.statements(body, true);
        return;
      case 'TryStatement':
        for (const body of children(node)) if (body.name === 'Body') this.statements(body, true);
        return;
      case 'ExpressionStatement':
        return this.walrusTargets(node, conditional);
      default:
        return;
    }
  }

  private ifStatement(node: SyntaxNode, conditional: boolean): void {
    // `if __name__ == "__main__":` never runs: Gunicorn executes the file as a module named `__config__`.
    const parts = children(node);
    let skipNext = false;
    for (let i = 0; i < parts.length; i++) {
      const part = parts[i];
      if (part.name === 'if' || part.name === 'elif') skipNext = this.isMainCheck(parts[i + 1]);
      else if (part.name === 'else') skipNext = false;
      else if (part.name === 'Body') {
        if (!skipNext) this.statements(part, true);
        skipNext = false;
      }
    }
    void conditional;
  }

  private isMainCheck(condition: SyntaxNode | undefined): boolean {
    if (condition?.name !== 'BinaryExpression') return false;
    const compact = this.source(condition).replace(/\s+/g, '');
    return compact === '__name__=="__main__"' || compact === "__name__=='__main__'";
  }

  private loopOrWithTargets(node: SyntaxNode, conditional: boolean): void {
    for (const child of children(node)) {
      if (child.name === 'VariableName' && this.isTarget(child)) {
        this.module.assignments.push({
          name: this.source(child),
          nameRange: this.range(child),
          value: { kind: 'unknown', why: 'computed', range: this.range(child) },
          statementRange: this.range(node),
          conditional: true,
          kind: node.name === 'WithStatement' ? 'with-target' : 'loop-target',
        });
      }
    }
    void conditional;
  }

  private walrusTargets(node: SyntaxNode, conditional: boolean): void {
    const cursor = node.cursor();
    do {
      if (cursor.name === 'NamedExpression') {
        const target = cursor.node.firstChild;
        if (target?.name === 'VariableName') {
          this.module.assignments.push({
            name: this.source(target),
            nameRange: this.range(target),
            value: { kind: 'unknown', why: 'computed', range: this.range(cursor.node) },
            statementRange: this.range(node),
            conditional,
            kind: 'walrus',
          });
        }
      }
    } while (cursor.next() && cursor.from < node.to);
  }

  private assignment(node: SyntaxNode, conditional: boolean): void {
    // Split at each `=`: every group before the last is a target list, the last one is the value.
    const groups: SyntaxNode[][] = [[]];
    let annotationOnly = true;
    for (const child of children(node)) {
      if (child.name === 'AssignOp') {
        groups.push([]);
        annotationOnly = false;
      } else if (child.name !== 'TypeDef') groups[groups.length - 1].push(child);
    }
    const statementRange = this.range(node);
    if (annotationOnly) {
      const target = groups[0][0];
      if (target?.name === 'VariableName') {
        this.module.assignments.push({
          name: this.source(target),
          nameRange: this.range(target),
          value: { kind: 'unknown', why: 'computed', range: this.range(target) },
          statementRange,
          conditional,
          kind: 'annotation-only',
        });
      }
      return;
    }
    const valueNodes = groups[groups.length - 1];
    const value = this.valueOfList(valueNodes, node);
    for (const targets of groups.slice(0, -1)) {
      const names = targets.filter((target) => target.name !== ',');
      const unpacked = names.length !== 1 || targets.some((target) => target.name === ',');
      for (const target of names) this.bindTarget(target, unpacked ? { kind: 'unknown', why: 'computed', range: value.range } : value, statementRange, conditional, unpacked);
    }
    this.walrusTargets(node, conditional);
  }

  private bindTarget(target: SyntaxNode, value: PyValue, statementRange: Range, conditional: boolean, unpacked: boolean): void {
    if (target.name === 'VariableName') {
      this.module.assignments.push({
        name: this.source(target),
        nameRange: this.range(target),
        value,
        statementRange,
        conditional,
        kind: unpacked ? 'unpacked' : 'plain',
      });
    } else if (target.name === 'TupleExpression' || target.name === 'ArrayExpression' || target.name === 'ParenthesizedExpression') {
      for (const inner of children(target)) {
        if (inner.name === 'VariableName' || inner.name === 'TupleExpression' || inner.name === 'ArrayExpression') {
          this.bindTarget(inner, { kind: 'unknown', why: 'computed', range: value.range }, statementRange, conditional, true);
        }
      }
    }
  }

  /** The value of `a` or of `a, b` (a tuple) after `=`. */
  private valueOfList(nodes: SyntaxNode[], statement: SyntaxNode): PyValue {
    const items = nodes.filter((node) => node.name !== ',');
    if (items.length === 0) {
      const end = this.index.positionAt(statement.to);
      return { kind: 'unknown', why: 'syntax-error', range: { start: end, end } };
    }
    if (items.length === 1 && nodes.length === 1) return this.value(items[0]);
    const range = this.index.rangeOf(nodes[0].from, nodes[nodes.length - 1].to);
    return { kind: 'tuple', items: items.map((item) => this.value(item)), range };
  }

  value(node: SyntaxNode): PyValue {
    const range = this.range(node);
    const containsError = (): boolean => {
      const cursor = node.cursor();
      do if (cursor.type.isError) return true;
      while (cursor.next() && cursor.from <= node.to && cursor.to <= node.to);
      return false;
    };
    if (containsError()) return { kind: 'unknown', why: 'syntax-error', range };
    switch (node.name) {
      case 'Number': {
        const number = decodeNumberLiteral(this.source(node));
        return number ? { ...number, range } : { kind: 'unknown', why: 'computed', range };
      }
      case 'String': {
        const decoded = decodeStringLiteral(this.source(node));
        if (!decoded) return { kind: 'unknown', why: 'syntax-error', range };
        if (decoded.kind === 'fstring') return { kind: 'unknown', why: 'fstring', range };
        return { ...decoded, range };
      }
      case 'FormatString':
        return { kind: 'unknown', why: 'fstring', range };
      case 'ContinuedString': {
        const parts = children(node).map((part) => this.value(part));
        if (parts.every((part) => part.kind === 'str')) {
          return { kind: 'str', value: parts.map((part) => (part.kind === 'str' ? part.value : '')).join(''), range };
        }
        if (parts.some((part) => part.kind === 'unknown' && part.why === 'fstring')) return { kind: 'unknown', why: 'fstring', range };
        if (parts.every((part) => part.kind === 'bytes')) return { kind: 'bytes', range };
        return { kind: 'unknown', why: 'computed', range };
      }
      case 'Boolean':
        return { kind: 'bool', value: this.source(node) === 'True', range };
      case 'None':
        return { kind: 'none', range };
      case 'UnaryExpression': {
        const [operator, operand] = children(node);
        const inner = operand ? this.value(operand) : undefined;
        const op = operator ? this.source(operator) : '';
        if (inner?.kind === 'int' && (op === '-' || op === '+')) return { kind: 'int', value: op === '-' ? -inner.value : inner.value, range };
        if (inner?.kind === 'float' && (op === '-' || op === '+')) return { kind: 'float', value: op === '-' ? -inner.value : inner.value, range };
        return { kind: 'unknown', why: 'computed', range };
      }
      case 'ParenthesizedExpression': {
        const inner = children(node).filter((child) => child.name !== '(' && child.name !== ')');
        return inner.length === 1 ? { ...this.value(inner[0]), range } : { kind: 'unknown', why: 'computed', range };
      }
      case 'TupleExpression':
      case 'ArrayExpression':
      case 'SetExpression': {
        const items = children(node)
          .filter((child) => !['(', ')', '[', ']', '{', '}', ','].includes(child.name))
          .map((child) => this.value(child));
        const kind = node.name === 'TupleExpression' ? 'tuple' : node.name === 'ArrayExpression' ? 'list' : 'set';
        return { kind, items, range };
      }
      case 'DictionaryExpression': {
        const parts = children(node).filter((child) => !['{', '}', ',', ':'].includes(child.name));
        if (parts.some((part) => part.name === '**')) return { kind: 'unknown', why: 'computed', range };
        const entries: { key: PyValue; value: PyValue }[] = [];
        for (let i = 0; i + 1 < parts.length; i += 2) entries.push({ key: this.value(parts[i]), value: this.value(parts[i + 1]) });
        return { kind: 'dict', entries, range };
      }
      case 'LambdaExpression': {
        const params = children(node).find((child) => child.name === 'ParamList');
        return { kind: 'lambda', signature: params ? this.signature(params) : { positional: 0, required: 0, varArgs: false, requiredKeywordOnly: 0 }, range };
      }
      case 'VariableName':
        return { kind: 'name', name: this.source(node), range };
      case 'MemberExpression': {
        const path = this.source(node);
        return /^[A-Za-z_][\w]*(\.[A-Za-z_]\w*)+$/.test(path) ? { kind: 'attribute', path, range } : { kind: 'unknown', why: 'computed', range };
      }
      default:
        return { kind: 'unknown', why: 'computed', range };
    }
  }

  /** Counts parameters the way `inspect.signature` sorts them. */
  signature(params: SyntaxNode): PySignature {
    const signature: PySignature = { positional: 0, required: 0, varArgs: false, requiredKeywordOnly: 0 };
    let star = false;
    const parts = children(params);
    for (let i = 0; i < parts.length; i++) {
      const part = parts[i];
      if (part.name === '*' || part.name === '**') {
        const next = parts[i + 1];
        if (part.name === '*' && next?.name === 'VariableName') signature.varArgs = true;
        if (next?.name === 'VariableName') i++;
        star = true;
        continue;
      }
      if (part.name !== 'VariableName' || !this.isParameterName(part)) continue;
      let hasDefault = false;
      for (let j = i + 1; j < parts.length && parts[j].name !== ','; j++) if (parts[j].name === 'AssignOp') hasDefault = true;
      if (star) {
        if (!hasDefault) signature.requiredKeywordOnly++;
      } else {
        signature.positional++;
        if (!hasDefault) signature.required++;
      }
    }
    return signature;
  }

  private functionDefinition(node: SyntaxNode, conditional: boolean, decorated: boolean, outer: SyntaxNode = node): void {
    const parts = children(node);
    const name = parts.find((part) => part.name === 'VariableName');
    const params = parts.find((part) => part.name === 'ParamList');
    if (!name) return;
    const start = parts.find((part) => part.name === 'async' || part.name === 'def') ?? node;
    this.module.functions.push({
      name: this.source(name),
      nameRange: this.range(name),
      headerRange: this.index.rangeOf(start.from, (params ?? name).to),
      statementRange: this.range(outer),
      signature: params ? this.signature(params) : { positional: 0, required: 0, varArgs: false, requiredKeywordOnly: 0 },
      decorated,
      isAsync: parts.some((part) => part.name === 'async'),
      conditional,
    });
  }

  private importStatement(node: SyntaxNode, conditional: boolean): void {
    const parts = children(node);
    const isFrom = parts[0]?.name === 'from';
    let module = '';
    let i = 0;
    if (isFrom) {
      const importAt = parts.findIndex((part) => part.name === 'import');
      module = this.text.slice(parts[0].to, importAt >= 0 ? parts[importAt].from : node.to).trim();
      i = importAt + 1;
    } else i = 1;
    for (; i < parts.length; i++) {
      const part = parts[i];
      if (part.name === '*') {
        this.module.imports.push({ name: '*', range: this.range(part), from: module, conditional });
        continue;
      }
      if (part.name !== 'VariableName') continue;
      // A dotted `import a.b.c` is several VariableName nodes joined by dots: it binds the first one.
      let dotted = this.source(part);
      let end = part;
      while (parts[i + 1]?.name === '.' && parts[i + 2]?.name === 'VariableName') {
        dotted += '.' + this.source(parts[i + 2]);
        end = parts[i + 2];
        i += 2;
      }
      let bound = isFrom ? dotted : dotted.split('.')[0];
      let rangeNode = part;
      if (parts[i + 1]?.name === 'as' && parts[i + 2]?.name === 'VariableName') {
        bound = this.source(parts[i + 2]);
        rangeNode = parts[i + 2];
        i += 2;
      }
      void end;
      this.module.imports.push({ name: bound, range: this.range(rangeNode), from: isFrom ? `${module}.${dotted}` : dotted, conditional });
    }
  }
}

/** Reads a Python file's module level. Never executes or imports anything. */
export function parsePython(text: string): PyModule {
  return new Reader(text).read();
}
