import { type PayloadClass, parseWithClasses } from './class-validator-parse';
import { compileMessageCheck, type MessageCheck } from './compiled-check';
import type { PublicMessage } from './public-message';

export { InvalidMessageError, type MessageProblem } from './invalid-message.error';

/** The published events of one context and version: its topic and the payload class of each event type. */
export interface Contract<Types extends Record<string, PayloadClass>> {
  topic: string;
  payloads: Types;
  /**
   * Validates a raw message (parsed JSON) against the envelope and the payload of its type. An
   * accepted message comes back as it came (plain objects) when a compiled check accepts it, as
   * class instances otherwise; a refused one always gets class-validator's problems.
   */
  parse(raw: unknown): PublicMessage;
  /**
   * For a consumer that acts on some of the topic's types: a message of another type the contract
   * knows is passed over (null) without judging its payload, since the consumer takes nothing from
   * it; a handled type, or a type the contract does not know, is parsed as by `parse`. One defect in
   * a payload this consumer never reads cannot send its messages to the dead letters.
   */
  parseHandled(raw: unknown, handled: ReadonlySet<keyof Types & string>): PublicMessage | null;
}

export function defineContract<Types extends Record<string, PayloadClass>>(
  topic: string,
  payloads: Types,
): Contract<Types> {
  const checks = new Map<string, MessageCheck | null>();
  const checkOf = (type: string) => {
    if (!checks.has(type)) {
      const compiled = compileMessageCheck(type, payloads[type]);
      checks.set(type, 'check' in compiled ? compiled.check : null);
    }
    return checks.get(type);
  };
  const knownType = (raw: unknown): string | undefined => {
    const type = typeof raw === 'object' && raw !== null ? (raw as { type?: unknown }).type : undefined;
    return typeof type === 'string' && Object.prototype.hasOwnProperty.call(payloads, type) ? type : undefined;
  };
  const parse = (raw: unknown): PublicMessage => {
    const type = knownType(raw);
    if (type !== undefined && checkOf(type)?.(raw)) return raw as PublicMessage;
    return parseWithClasses(topic, payloads, raw);
  };
  return {
    topic,
    payloads,
    parse,
    parseHandled(raw, handled) {
      const type = knownType(raw);
      return type !== undefined && !handled.has(type) ? null : parse(raw);
    },
  };
}
