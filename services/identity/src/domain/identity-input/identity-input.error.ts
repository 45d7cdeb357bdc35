/** One broken rule in what a person stated or a QR carried: which field, which rule. */
export interface InputProblem {
  field: string;
  rule: string;
  message: string;
}

/** The only error the parsers throw; the HTTP adapter answers it with a 400 naming each field. */
export class IdentityInputError extends Error {
  constructor(readonly problems: InputProblem[]) {
    super(problems.map((p) => `${p.field}: ${p.message}`).join('; '));
    this.name = 'IdentityInputError';
  }
}

export const problem = (field: string, rule: string, message: string): InputProblem => ({ field, rule, message });
