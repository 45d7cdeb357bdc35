import Ajv from 'ajv';
import { ClassSchemas } from './class-schema';
import type { PayloadClass } from './class-validator-parse';
import type { Delegate } from './constraint-schema';
import { PublicMessage } from './public-message';

/** True only for a message class-validator would accept; false says nothing (check it the slow way). */
export type MessageCheck = (raw: unknown) => boolean;
export type CompiledCheck = { check: MessageCheck } | { reason: string };

const RULE_KEYWORD = 'classValidatorRule';
const predicates: ((value: unknown) => boolean)[] = [];
const delegate: Delegate = (predicate) => ({ [RULE_KEYWORD]: predicates.push(predicate) - 1 });
let compiler: Ajv | undefined;

/**
 * Compiles the envelope and the payload class of one event type into a single validator. Built on
 * first use: the @Type functions of the classes may refer to classes declared after them.
 */
export function compileMessageCheck(type: string, payloadClass: PayloadClass): CompiledCheck {
  try {
    const schemas = new ClassSchemas(delegate);
    const payload = schemas.refTo(payloadClass, true);
    const envelope = schemas.objectSchema(PublicMessage, false, { type: { const: type }, payload });
    const validate = ajv().compile({ ...envelope, $defs: schemas.defs });
    return { check: (raw) => validate(raw) };
  } catch (error) {
    return { reason: error instanceof Error ? error.message : String(error) };
  }
}

function ajv(): Ajv {
  compiler ??= new Ajv({
    // class-validator reads own keys (class-transformer copies no others) and runs patterns without `u`.
    ownProperties: true,
    unicodeRegExp: false,
    strictNumbers: true,
    allowUnionTypes: true,
    keywords: [{ keyword: RULE_KEYWORD, schemaType: 'number', errors: false, compile: (i: number) => predicates[i] }],
  });
  return compiler;
}
