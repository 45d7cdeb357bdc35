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
  return {
    topic,
    payloads,
    parse(raw) {
      const type = typeof raw === 'object' && raw !== null ? (raw as { type?: unknown }).type : undefined;
      const known = typeof type === 'string' && Object.prototype.hasOwnProperty.call(payloads, type);
      if (known && checkOf(type)?.(raw)) return raw as PublicMessage;
      return parseWithClasses(topic, payloads, raw);
    },
  };
}
