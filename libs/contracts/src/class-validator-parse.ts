import 'reflect-metadata';
import { plainToInstance } from 'class-transformer';
import { type ValidationError, validateSync } from 'class-validator';
import { InvalidMessageError, type MessageProblem } from './invalid-message.error';
import { PublicMessage } from './public-message';

export type PayloadClass = new () => object;

/**
 * The reference check of a message: class-transformer instances validated by class-validator. Its
 * verdict and problems are the contract; a compiled check may only skip it for messages it accepts.
 */
export function parseWithClasses(topic: string, payloads: Record<string, PayloadClass>, raw: unknown): PublicMessage {
  const message = plainToInstance(PublicMessage, raw);
  const problems = problemsOf(validateSync(message, { forbidUnknownValues: true }));
  const payloadClass = Object.prototype.hasOwnProperty.call(payloads, message.type)
    ? payloads[message.type]
    : undefined;
  if (!payloadClass && problems.length === 0) problems.push({ field: 'type', rule: `unknown event type on ${topic}` });
  if (payloadClass && typeof message.payload === 'object' && message.payload !== null) {
    const payload = plainToInstance(payloadClass, message.payload);
    const payloadErrors = validateSync(payload, { whitelist: true, forbidNonWhitelisted: true });
    problems.push(...problemsOf(payloadErrors, 'payload'));
    message.payload = payload;
  }
  if (problems.length > 0) throw new InvalidMessageError(topic, problems);
  return message;
}

function problemsOf(errors: ValidationError[], parent = ''): MessageProblem[] {
  return errors.flatMap((e) => {
    const field = parent ? `${parent}.${e.property}` : e.property;
    const own = Object.keys(e.constraints ?? {}).map((rule) => ({ field, rule }));
    return [...own, ...problemsOf(e.children ?? [], field)];
  });
}
