export interface MessageProblem {
  field: string;
  rule: string;
}

/** A message that does not meet its contract: never retried, it goes to the dead-letter topic. */
export class InvalidMessageError extends Error {
  constructor(
    readonly topic: string,
    readonly problems: MessageProblem[],
  ) {
    super(`message on ${topic} breaks its contract: ${problems.map((p) => `${p.field} (${p.rule})`).join(', ')}`);
    this.name = 'InvalidMessageError';
  }
}
