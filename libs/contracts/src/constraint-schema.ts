import { getMetadataStorage, ValidationTypes } from 'class-validator';

export type Schema = Record<string, unknown>;
export type ValidationMetadata = ReturnType<
  ReturnType<typeof getMetadataStorage>['getTargetValidationMetadatas']
>[number];
/** Registers a predicate with the compiler and returns the schema that runs it. */
export type Delegate = (predicate: (value: unknown) => boolean) => Schema;

/** Thrown while translating: the class keeps the class-validator path, for the reason given. */
export class NotCompilable extends Error {}

/**
 * A JSON Schema keyword is used only where it accepts nothing class-validator rejects:
 * `maxLength` counts code points, never fewer than validator.js's length (which also drops emoji
 * presentation selectors), so it can only send a rare string back to the slow path. Patterns run
 * without the `u` flag, as class-validator runs them. Where no keyword is that faithful (ISO 8601,
 * UUID versions, minimum lengths), the schema calls class-validator's own predicate.
 */
const keywords: Record<string, (c: unknown[]) => Schema | undefined> = {
  isString: () => ({ type: 'string' }),
  isNotEmpty: () => ({ not: { enum: ['', null] } }),
  maxLength: ([max]) => (isCount(max) ? { type: 'string', maxLength: max } : undefined),
  isIn: ([values]) => (isPrimitiveList(values) ? { enum: [...new Set(values)] } : undefined),
  isBoolean: () => ({ type: 'boolean' }),
  isInt: () => ({ type: 'integer' }),
  isNumber: ([options]) => (isEmptyOptions(options) ? { type: 'number' } : undefined),
  min: ([min]) => (Number.isFinite(min) ? { type: 'number', minimum: min } : undefined),
  max: ([max]) => (Number.isFinite(max) ? { type: 'number', maximum: max } : undefined),
  // A RegExp carries its flags (validator.js ignores `modifiers` then); a string pattern is left to it.
  matches: ([pattern]) =>
    pattern instanceof RegExp && pattern.flags === '' ? { type: 'string', pattern: pattern.source } : undefined,
  isObject: () => ({ type: 'object' }),
  arrayNotEmpty: () => ({ type: 'array', minItems: 1 }),
  arrayMaxSize: ([max]) => (isCount(max) ? { type: 'array', maxItems: max } : undefined),
  arrayMinSize: ([min]) => (isCount(min) ? { type: 'array', minItems: min } : undefined),
};

/** Built-ins whose predicates read nothing but their constraints: safe to call outside class-validator. */
const delegated = new Set(['isIso8601', 'isUuid', 'isDateString', 'minLength']);

/** The schema of one class-validator rule (a custom-validation metadata) of a property. */
export function constraintSchema(metadata: ValidationMetadata, delegate: Delegate): Schema {
  const where = `${targetName(metadata)}.${metadata.propertyName}`;
  const unsupported = unsupportedOption(metadata);
  if (unsupported) throw new NotCompilable(`${where}: @${metadata.name} with ${unsupported}`);
  const constraints = getMetadataStorage().getTargetValidatorConstraints(metadata.constraintCls);
  const [constraint] = constraints;
  if (constraints.length !== 1 || constraint.async || constraint.name !== metadata.name)
    throw new NotCompilable(`${where}: rule ${metadata.name ?? '(unnamed)'} is not a built-in`);
  const name = constraint.name;
  const schema = Object.prototype.hasOwnProperty.call(keywords, name)
    ? keywords[name](metadata.constraints ?? [])
    : undefined;
  if (schema) return schema;
  if (delegated.has(name)) {
    const args = Object.freeze({
      constraints: metadata.constraints,
      property: metadata.propertyName,
      targetName: targetName(metadata),
      object: {},
      value: undefined,
    });
    return delegate((value) => constraint.instance.validate(value, args) === true);
  }
  throw new NotCompilable(`${where}: rule ${name} has no exact translation`);
}

/** An option of a rule that changes when or where it applies; `each` is fine on @ValidateNested. */
export function unsupportedOption(m: ValidationMetadata, type = ValidationTypes.CUSTOM_VALIDATION): string | undefined {
  if (m.type !== type) return `type ${m.type}`;
  if (m.each && type === ValidationTypes.CUSTOM_VALIDATION) return 'each (rule per element)';
  if (m.groups?.length || m.always !== undefined) return 'groups';
  if (m.validateIf) return 'validateIf';
  return undefined;
}

export const targetName = (m: ValidationMetadata) => (typeof m.target === 'string' ? m.target : m.target.name);
const isCount = (n: unknown): n is number => Number.isInteger(n) && (n as number) >= 0;
const isEmptyOptions = (o: unknown) =>
  o === undefined || (typeof o === 'object' && o !== null && Object.keys(o).length === 0);
const isPrimitiveList = (values: unknown): values is (string | number)[] =>
  Array.isArray(values) &&
  values.length > 0 &&
  values.every((v) => typeof v === 'string' || (typeof v === 'number' && Number.isFinite(v)));
