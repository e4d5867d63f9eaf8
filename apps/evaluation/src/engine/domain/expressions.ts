import { Environment } from '@marcbachmann/cel-js';
import { isRecordTypeCode } from '@domain/credit';

/**
 * CEL (Common Expression Language) for scheme conditions and formulas: no loops, no I/O, no
 * host access, typed. Each position in a scheme declares the variables it may use; an expression
 * is parsed and type-checked against them at upload, so a misspelt field or a string compared
 * with a number is refused with its column, before the version can be published.
 *
 * Numbers are CEL doubles (JS numbers) except collection sizes, which are ints; CEL compares
 * the two freely (`records.size() > 2.0` and `deductions >= 20` both check).
 */

/** The kind of position an expression sits in: it decides the variables in scope. */
export type ExpressionScope = 'subject' | 'record' | 'grade';
export type ExpectedType = 'bool' | 'number';

/** Limits that keep one expression cheap: parse-time bounds on size and nesting. */
const LIMITS = { maxAstNodes: 300, maxDepth: 24, maxListElements: 200, maxMapEntries: 50, maxCallArguments: 8 };

/** Iterating macros: each one walks a list. One inside another walks records × records. */
const ITERATING_MACROS = new Set(['all', 'exists', 'exists_one', 'map', 'filter']);
/** Functions refused outright: regular expressions can backtrack without bound in JS engines. */
const REFUSED_FUNCTIONS = new Set(['matches']);

const RECORD_FIELDS = {
  id: 'string',
  type: 'string',
  severity: 'string',
  decisionDate: 'string',
  ageDays: 'double',
  inCycle: 'bool',
  payload: 'map<string, dyn>',
} as const;

/** `subject.*`: identity, lists, tenure, and the subject registry's facts (ADR 0044, 0053). */
const SUBJECT_FIELDS = {
  id: 'string',
  kind: 'string',
  region: 'string',
  lists: 'list<string>',
  tenureMonths: 'double',
  inRegistry: 'bool',
  sectors: 'list<string>',
  registered: 'bool',
  committed: 'bool',
  selfAssessed: 'bool',
  active: 'bool',
  /** A carrier's active vehicles and drivers in the registry (ADR 0053), for per-vehicle ratios. */
  vehicles: 'double',
  drivers: 'double',
} as const;

function environment(scope: ExpressionScope): Environment {
  const env = new Environment({ limits: LIMITS, homogeneousAggregateLiterals: true })
    .registerType('Record', { fields: RECORD_FIELDS })
    .registerType('Subject', { fields: SUBJECT_FIELDS })
    .registerType('Previous', { fields: { grade: 'string', score: 'double' } })
    .registerType('Cycle', { fields: { label: 'string', start: 'string', end: 'string', asOf: 'string' } })
    .registerVariable('subject', 'Subject')
    .registerVariable('records', 'list<Record>')
    .registerVariable('previous', 'Previous')
    .registerVariable('cycle', 'Cycle');
  if (scope === 'record') env.registerVariable('record', 'Record');
  if (scope === 'grade') {
    for (const name of ['score', 'base', 'additions', 'deductions']) env.registerVariable(name, 'double');
    env.registerVariable('grade', 'string');
    env.registerVariable('tallies', 'map<string, double>');
  }
  return env;
}

const ENVIRONMENTS: Record<ExpressionScope, Environment> = { subject: environment('subject'), record: environment('record'), grade: environment('grade') };

/** What each scope offers authors (also served with the scheme API). */
export const EXPRESSION_VARIABLES: Record<ExpressionScope, string[]> = {
  subject: ['subject', 'records', 'previous', 'cycle'],
  record: ['record', 'subject', 'records', 'previous', 'cycle'],
  grade: ['score', 'base', 'additions', 'deductions', 'tallies', 'grade', 'subject', 'records', 'previous', 'cycle'],
};

export type ExpressionProblemCode = 'EXPRESSION_SYNTAX' | 'EXPRESSION_TYPE' | 'UNKNOWN_FIELD' | 'UNKNOWN_RECORD_TYPE' | 'UNBOUNDED_EXPRESSION';

export interface ExpressionProblem {
  code: ExpressionProblemCode;
  /** 1-based column in the expression. */
  column: number;
  message: string;
}

export type Evaluate = (context: Record<string, unknown>) => unknown;

export type CompiledExpression = { ok: true; source: string; evaluate: Evaluate } | { ok: false; problem: ExpressionProblem };

interface AstNode {
  op: string;
  args: unknown;
  pos: number;
}

/** Parses, bounds and type-checks one expression; never throws for bad input. */
export function compileExpression(source: string, scope: ExpressionScope, expected: ExpectedType): CompiledExpression {
  const env = ENVIRONMENTS[scope];
  let parsed: ReturnType<Environment['parse']>;
  try {
    parsed = env.parse(source);
  } catch (error) {
    return { ok: false, problem: fromCelError(error, 'EXPRESSION_SYNTAX') };
  }
  const structural = structuralProblem(parsed.ast as unknown as AstNode);
  if (structural) return { ok: false, problem: structural };
  const checked = parsed.check();
  if (!checked.valid) return { ok: false, problem: fromCelError(checked.error, 'EXPRESSION_TYPE') };
  if (!matchesExpected(checked.type ?? 'dyn', expected)) {
    return {
      ok: false,
      problem: {
        code: 'EXPRESSION_TYPE',
        column: 1,
        message: `must give ${expected === 'bool' ? 'a bool' : 'a number (int or double)'}, gives ${checked.type}`,
      },
    };
  }
  return { ok: true, source, evaluate: (context) => parsed(context) };
}

function matchesExpected(type: string, expected: ExpectedType): boolean {
  if (expected === 'bool') return type === 'bool' || type === 'dyn';
  return type === 'int' || type === 'double' || type === 'dyn';
}

function fromCelError(error: unknown, fallback: ExpressionProblemCode): ExpressionProblem {
  const raw = error instanceof Error ? error.message : String(error);
  const message = raw.split('\n')[0] ?? raw;
  const node = (error as { node?: { pos?: number } } | undefined)?.node;
  const column = (node?.pos ?? 0) + 1;
  const code: ExpressionProblemCode = /^(No such key|Unknown variable)/.test(message)
    ? 'UNKNOWN_FIELD'
    : /^Exceeded max/.test(message)
      ? 'UNBOUNDED_EXPRESSION'
      : fallback;
  return { code, column, message };
}

/**
 * Problems the type checker does not see: an iterating macro inside another (quadratic in the
 * record count, unbounded as records grow), refused functions, and record-type literals that
 * are not in the catalogue (`r.type == 'acident'` would silently never match).
 */
function structuralProblem(root: AstNode): ExpressionProblem | undefined {
  let problem: ExpressionProblem | undefined;
  const visit = (node: AstNode, iterationDepth: number): void => {
    if (problem || !isNode(node)) return;
    if (node.op === 'rcall' || node.op === 'call') {
      const args = node.args as unknown[];
      const name = String(args[0]);
      if (REFUSED_FUNCTIONS.has(name)) {
        problem = { code: 'UNBOUNDED_EXPRESSION', column: node.pos + 1, message: `${name}() is not allowed: regular expressions can run without bound` };
        return;
      }
      if (node.op === 'rcall' && ITERATING_MACROS.has(name)) {
        if (iterationDepth > 0) {
          problem = {
            code: 'UNBOUNDED_EXPRESSION',
            column: node.pos + 1,
            message: `${name}() inside another list macro walks the records once per record; compute one list first`,
          };
          return;
        }
        visit(args[1] as AstNode, iterationDepth);
        for (const inner of (args[2] as AstNode[]) ?? []) visit(inner, iterationDepth + 1);
        return;
      }
    }
    const literal = recordTypeLiteral(node);
    if (literal && !isRecordTypeCode(literal.value)) {
      problem = { code: 'UNKNOWN_RECORD_TYPE', column: literal.pos + 1, message: `"${literal.value}" is not a record type of the catalogue` };
      return;
    }
    for (const child of children(node)) visit(child, iterationDepth);
  };
  visit(root, 0);
  return problem;
}

/** `x.type == 'code'`, `'code' == x.type` and `x.type in ['a', 'b']`: the string literals compared with a record type. */
function recordTypeLiteral(node: AstNode): { value: string; pos: number } | undefined {
  if (node.op !== '==' && node.op !== '!=' && node.op !== 'in') return undefined;
  const [left, right] = node.args as AstNode[];
  const isTypeSelect = (n: AstNode) => isNode(n) && n.op === '.' && (n.args as unknown[])[1] === 'type';
  const literals = (n: AstNode): AstNode[] => {
    if (!isNode(n)) return [];
    if (n.op === 'value' && typeof n.args === 'string') return [n];
    if (n.op === 'list') return (n.args as AstNode[]).filter((e) => isNode(e) && e.op === 'value' && typeof e.args === 'string');
    return [];
  };
  const candidates = isTypeSelect(left) ? literals(right) : isTypeSelect(right) && node.op !== 'in' ? literals(left) : [];
  const unknown = candidates.find((n) => !isRecordTypeCode(n.args as string));
  return unknown ? { value: unknown.args as string, pos: unknown.pos } : undefined;
}

function isNode(value: unknown): value is AstNode {
  return typeof value === 'object' && value !== null && typeof (value as AstNode).op === 'string';
}

function children(node: AstNode): AstNode[] {
  const out: AstNode[] = [];
  const collect = (value: unknown): void => {
    if (isNode(value)) out.push(value);
    else if (Array.isArray(value)) value.forEach(collect);
  };
  collect(node.args);
  return out;
}

/** CEL ints arrive as bigint; everything numeric leaves as a JS number. */
export function toNumber(value: unknown): number {
  if (typeof value === 'bigint') return Number(value);
  if (typeof value === 'number') return value;
  throw new TypeError(`expected a number, got ${typeof value}`);
}
