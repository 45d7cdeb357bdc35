import type { FieldProblem } from './problem-details';

/** Deeper than any form we take; deep enough input overflows the stack of recursive code downstream. */
export const MAX_INPUT_DEPTH = 32;
/** A request with thousands of bad strings gets the first few, not a response as large as itself. */
const MAX_PROBLEMS = 20;

// Cc: C0, DEL and C1. Tab, LF and CR are let through only for fields declared multi-line.
/* eslint-disable no-control-regex -- finding control characters is the point */
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;
const CONTROL_OR_LINE_BREAK = /[\u0000-\u001F\u007F-\u009F]/;
// Code units, not code points (no `u` flag): a high surrogate not followed by a low one, or a low one alone.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const SHOWN_ESCAPED = /[\u0000-\u001F\u007F-\u009F]|[\uD800-\uDFFF]/g;
/* eslint-enable no-control-regex */

/** Why a text cannot be stored as it is (PostgreSQL refuses NUL; a lone surrogate is not Unicode). */
export function unsafeText(text: string, multiLine: boolean): FieldProblem['rule'] | undefined {
  if ((multiLine ? CONTROL : CONTROL_OR_LINE_BREAK).test(text)) return 'controlCharacter';
  if (LONE_SURROGATE.test(text)) return 'loneSurrogate';
  return undefined;
}

function textProblem(field: string, text: string, multiLine: boolean): FieldProblem | undefined {
  const rule = unsafeText(text, multiLine);
  if (rule === 'loneSurrogate') return { field, rule, message: 'must be well-formed Unicode (a lone surrogate)' };
  if (!rule) return undefined;
  const at = (multiLine ? CONTROL : CONTROL_OR_LINE_BREAK).exec(text)!;
  const code = at[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');
  return { field, rule, message: `must not contain control characters (U+${code} at ${at.index})` };
}

/** A field name as it can be shown: a key may itself hold the characters being refused. */
function shown(key: string): string {
  return key.replace(SHOWN_ESCAPED, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

export interface InputWalk {
  /** Where the value sits (`typed`, a query parameter's name); empty for a whole body. */
  root?: string;
  /** Whether the field at this path may hold tabs and line breaks; none may by default. */
  multiLine?: (owner: object | undefined, key: string) => boolean;
  maxDepth?: number;
}

interface Visit {
  value: unknown;
  path: string;
  depth: number;
  owner: object | undefined;
  key: string;
}

/**
 * Every string (and key) of a decoded input, checked for control characters and lone surrogates,
 * and its nesting bounded: iteratively, so input nested 100,000 deep is refused, not a stack overflow.
 * An array's items belong to the field holding the array (its `multiLine` applies to them).
 */
export function inputProblems(value: unknown, walk: InputWalk = {}): FieldProblem[] {
  const multiLine = walk.multiLine ?? (() => false);
  const maxDepth = walk.maxDepth ?? MAX_INPUT_DEPTH;
  const problems: FieldProblem[] = [];
  const stack: Visit[] = [{ value, path: walk.root ?? '', depth: 0, owner: undefined, key: walk.root ?? '' }];
  while (stack.length > 0 && problems.length < MAX_PROBLEMS) {
    const { value: v, path, depth, owner, key } = stack.pop()!;
    if (typeof v === 'string') {
      const problem = textProblem(path || '(body)', v, multiLine(owner, key));
      if (problem) problems.push(problem);
      continue;
    }
    if (typeof v !== 'object' || v === null || ArrayBuffer.isView(v)) continue;
    if (depth >= maxDepth) {
      problems.push({ field: path || '(body)', rule: 'maxDepth', message: `must not nest deeper than ${maxDepth}` });
      break;
    }
    const isArray = Array.isArray(v);
    const children: Visit[] = [];
    for (const [k, child] of Object.entries(v)) {
      const childPath = path ? `${path}.${shown(k)}` : shown(k);
      const keyProblem = isArray ? undefined : textProblem(childPath, k, false);
      if (keyProblem) problems.push(keyProblem);
      const [childOwner, childKey] = isArray ? [owner, key] : [v, k];
      children.push({ value: child, path: childPath, depth: depth + 1, owner: childOwner, key: childKey });
    }
    // Pushed one by one (a spread of a 500,000-item array overflows too), last first: popped in order.
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]);
  }
  return problems;
}
