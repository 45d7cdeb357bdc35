import 'reflect-metadata';
import { plainToInstance } from 'class-transformer';
import { type ValidationError, validateSync } from 'class-validator';
import { PublicMessage } from './public-message';

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

type PayloadClass = new () => object;

/** The published events of one context and version: its topic and the payload class of each event type. */
export interface Contract<Types extends Record<string, PayloadClass>> {
  topic: string;
  payloads: Types;
  /** Validates a raw message (parsed JSON) against the envelope and the payload of its type. */
  parse(raw: unknown): PublicMessage;
}

export function defineContract<Types extends Record<string, PayloadClass>>(
  topic: string,
  payloads: Types,
): Contract<Types> {
  return {
    topic,
    payloads,
    parse(raw) {
      const message = plainToInstance(PublicMessage, raw);
      const problems = problemsOf(validateSync(message, { forbidUnknownValues: true }));
      const payloadClass = Object.prototype.hasOwnProperty.call(payloads, message.type)
        ? payloads[message.type]
        : undefined;
      if (!payloadClass && problems.length === 0)
        problems.push({ field: 'type', rule: `unknown event type on ${topic}` });
      if (payloadClass && typeof message.payload === 'object' && message.payload !== null) {
        const payload = plainToInstance(payloadClass, message.payload);
        const payloadErrors = validateSync(payload, { whitelist: true, forbidNonWhitelisted: true });
        problems.push(...problemsOf(payloadErrors, 'payload'));
        message.payload = payload;
      }
      if (problems.length > 0) throw new InvalidMessageError(topic, problems);
      return message;
    },
  };
}

function problemsOf(errors: ValidationError[], parent = ''): MessageProblem[] {
  return errors.flatMap((e) => {
    const field = parent ? `${parent}.${e.property}` : e.property;
    const own = Object.keys(e.constraints ?? {}).map((rule) => ({ field, rule }));
    return [...own, ...problemsOf(e.children ?? [], field)];
  });
}
