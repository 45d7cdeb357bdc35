import type { MetadataStorage as TransformerStorage } from 'class-transformer/types/MetadataStorage';
import { getMetadataStorage, ValidationTypes } from 'class-validator';
import fc from 'fast-check';
import type { PayloadClass } from './class-validator-parse';
import type { Contract } from './contract';
import * as contracts from './index';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const transformer = (require('class-transformer/cjs/storage') as { defaultMetadataStorage: TransformerStorage })
  .defaultMetadataStorage;

type Rule = { name?: string; type: string; constraints?: unknown[]; each?: boolean };

/** Every contract the library exports, with each of its event types. */
export const everyEventType = Object.values(contracts as Record<string, unknown>)
  .filter((c): c is Contract<Record<string, PayloadClass>> => typeof c === 'object' && c !== null && 'payloads' in c)
  .flatMap((contract) => Object.keys(contract.payloads).map((type) => ({ contract, type })));

export const envelopeArbitrary = (type: string, payload: fc.Arbitrary<object>) =>
  fc.record({
    eventId: fc.uuid(),
    type: fc.constant(type),
    aggregateId: text(1, 200),
    occurredAt: instant,
    correlationId: text(1, 100),
    causationId: fc.option(text(1, 100), { nil: null }),
    actor: fc.record({ id: text(1, 100), role: text(1, 50), scope: text(1, 100) }),
    payload,
  });

/** Payloads that meet the class's rules, written independently of the schema translator. */
export function payloadArbitrary(cls: PayloadClass | (new () => object)): fc.Arbitrary<object> {
  const byProperty = new Map<string, Rule[]>();
  for (const m of getMetadataStorage().getTargetValidationMetadatas(cls, undefined as never, false, false))
    byProperty.set(m.propertyName, [...(byProperty.get(m.propertyName) ?? []), m]);
  const properties = Object.fromEntries([...byProperty].map(([name, rules]) => [name, valueOf(cls, name, rules)]));
  const optional = [...byProperty].filter(([, rules]) => rules.some((r) => r.name === 'isOptional')).map(([n]) => n);
  const required = Object.keys(properties).filter((name) => !optional.includes(name));
  return fc.record(properties, { requiredKeys: required });
}

function valueOf(cls: PayloadClass, name: string, rules: Rule[]): fc.Arbitrary<unknown> {
  const rule = (n: string) =>
    rules.find((r) => r.name === n)?.constraints ?? (rules.some((r) => r.name === n) ? [] : null);
  const nested = rules.find((r) => r.type === ValidationTypes.NESTED_VALIDATION);
  const value = nested ? nestedValue(cls, name, nested, rule('arrayNotEmpty') !== null) : primitiveValue(rule);
  return rule('isOptional') ? fc.oneof(value, fc.constant(null)) : value;
}

function nestedValue(cls: PayloadClass, name: string, nested: Rule, nonEmpty: boolean) {
  const element = payloadArbitrary(transformer.findTypeMetadata(cls, name).typeFunction() as PayloadClass);
  return nested.each ? fc.array(element, { minLength: nonEmpty ? 1 : 0, maxLength: 3 }) : element;
}

function primitiveValue(rule: (name: string) => unknown[] | null): fc.Arbitrary<unknown> {
  if (rule('isIn')) return fc.constantFrom(...(rule('isIn')![0] as string[]));
  if (rule('matches')) return fc.stringMatching(rule('matches')![0] as RegExp);
  if (rule('isIso8601')) return instant;
  if (rule('isInt')) return fc.integer({ min: bound(rule('min'), 0), max: bound(rule('max'), 1_000_000) });
  if (rule('isNumber')) return fc.double({ min: bound(rule('min'), 0), max: 1e6, noNaN: true });
  const min = Math.max(bound(rule('minLength'), 0), rule('isNotEmpty') ? 1 : 0);
  return text(min, bound(rule('maxLength'), 40));
}

const bound = (constraints: unknown[] | null, otherwise: number) => (constraints ? Number(constraints[0]) : otherwise);
const text = (min: number, max: number) => fc.string({ minLength: min, maxLength: Math.min(max, 40) });
const instant = fc
  .date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2100-01-01T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString());

/** Values that break a typical rule: types, lengths at the limits, unicode, dates and numbers at the edges. */
const wrongValues: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(null, 0, -1, 1.5, 1e300, -0, true, '', ' ', [], {}, [{}], 'NoSuchValue', 'male ', 'MALE'),
  fc
    .constantFrom(20, 29, 30, 31, 49, 50, 51, 99, 100, 101, 199, 200, 201, 500, 501)
    .chain((n) =>
      fc.constantFrom('x'.repeat(n), 'x'.repeat(n - 1) + '\uFE0F', '😀'.repeat(n), 'x'.repeat(n - 1) + '\uD800'),
    ),
  fc.constantFrom(
    '2021-11-05t02:30:00z',
    '2021-11-05T23:59:60Z',
    '2021-02-29T00:00:00Z',
    '2021-11-05',
    '2021-W01',
    '05/11/2021',
    '2021-13-01',
    '0192F5A4-7C1E-7D2A-9B3C-1F2E3D4C5B6A',
    '0192f5a4-7c1e-0d2a-9b3c-1f2e3d4c5b6a',
  ),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.integer(),
  fc.double(),
);

/** A valid message with one thing wrong, anywhere in it; or something that is not a message at all. */
export function mutated(valid: fc.Arbitrary<object>): fc.Arbitrary<unknown> {
  return fc.oneof(
    { weight: 20, arbitrary: fc.tuple(valid, fc.nat(), wrongValues).map(([m, at, v]) => edit(m, at, () => v)) },
    { weight: 10, arbitrary: fc.tuple(valid, fc.nat()).map(([m, at]) => edit(m, at, () => undefined)) },
    { weight: 10, arbitrary: fc.tuple(valid, fc.nat(), extraKey).map(([m, at, k]) => addKey(m, at, k)) },
    { weight: 5, arbitrary: fc.tuple(valid, fc.nat()).map(([m, at]) => emptyArray(m, at)) },
    { weight: 3, arbitrary: valid.map((m) => ({ ...m, type: 'NoSuchEvent' })) },
    { weight: 2, arbitrary: fc.constantFrom<unknown>(null, 'a string', 42, [], [{}], {}) },
  );
}

const extraKey = fc.constantFrom('extra', 'toString', 'constructor', '__proto__', 'hasOwnProperty', 'n');

/** The paths of every value in a message (JSON-like), in a stable order. */
function pathsOf(value: unknown, at: (string | number)[] = []): (string | number)[][] {
  if (typeof value !== 'object' || value === null) return [at];
  const keys = Array.isArray(value) ? value.map((_, i) => i) : Object.keys(value);
  return [at, ...keys.flatMap((k) => pathsOf((value as Record<string, unknown>)[k], [...at, k]))];
}

function edit(message: object, at: number, value: () => unknown): object {
  const copy = structuredClone(message);
  const paths = pathsOf(copy).filter((p) => p.length > 0);
  const path = paths[at % paths.length];
  const parent = path.slice(0, -1).reduce<Record<string | number, unknown>>((o, k) => o[k] as never, copy as never);
  const replacement = value();
  if (replacement === undefined && !Array.isArray(parent)) delete parent[path[path.length - 1]];
  else parent[path[path.length - 1]] = replacement;
  return copy;
}

function addKey(message: object, at: number, key: string): object {
  const copy = structuredClone(message);
  const objects = pathsOf(copy)
    .map((p) => p.reduce<unknown>((o, k) => (o as Record<string | number, unknown>)[k], copy))
    .filter((v): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v));
  // As JSON.parse makes it: an own property even for __proto__.
  Object.defineProperty(objects[at % objects.length], key, {
    value: 'x',
    enumerable: true,
    writable: true,
    configurable: true,
  });
  return copy;
}

function emptyArray(message: object, at: number): object {
  const copy = structuredClone(message);
  const arrays = pathsOf(copy)
    .map((p) => p.reduce<unknown>((o, k) => (o as Record<string | number, unknown>)[k], copy))
    .filter((v): v is unknown[] => Array.isArray(v));
  if (arrays.length > 0) arrays[at % arrays.length].length = 0;
  return copy;
}
