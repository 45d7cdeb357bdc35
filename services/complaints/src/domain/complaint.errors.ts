/** A broken rule, by field: what the HTTP layer turns into an RFC 9457 problem's details. */
export interface FieldProblem {
  field: string;
  rule: string;
  message: string;
}

export const problem = (field: string, rule: string, message: string): FieldProblem => ({ field, rule, message });

export type ComplaintErrorCode =
  /** The command's own content breaks a rule (see `problems`). */
  | 'invalid'
  | 'not-found'
  /** The id is taken by another citizen's complaint. */
  | 'already-filed'
  /** The command does not apply in the complaint's current state (another decision came first…). */
  | 'wrong-state'
  /** The actor is not the one who may do this (not the filer, not the unit holding the turn). */
  | 'not-allowed'
  | 'not-yet-due'
  | 'closed'
  | 'appeal-window-closed'
  | 'already-appealed';

export class ComplaintError extends Error {
  constructor(
    readonly code: ComplaintErrorCode,
    message: string,
    readonly problems: FieldProblem[] = [],
  ) {
    super(message);
    this.name = 'ComplaintError';
  }
}

export function invalid(problems: FieldProblem[]): ComplaintError {
  return new ComplaintError('invalid', problems.map((p) => `${p.field}: ${p.message}`).join('; '), problems);
}
