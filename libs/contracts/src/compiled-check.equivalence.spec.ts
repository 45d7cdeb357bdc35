import fc from 'fast-check';
import { parseWithClasses } from './class-validator-parse';
import { compileMessageCheck } from './compiled-check';
import { type Contract, InvalidMessageError } from './contract';
import { envelopeArbitrary, everyEventType, mutated, payloadArbitrary } from './contract-messages.spec-fixtures';

type AnyContract = Contract<Record<string, new () => object>>;

/** What a parse ends in, as data: the message (without its classes), the problems, or a crash (null). */
function outcome(parse: () => object) {
  try {
    return { accepted: JSON.parse(JSON.stringify(parse())) as unknown };
  } catch (error) {
    if (error instanceof InvalidMessageError) return { topic: error.topic, problems: error.problems };
    return { crashed: String(error) };
  }
}

const today = (contract: AnyContract, raw: unknown) =>
  outcome(() => parseWithClasses(contract.topic, contract.payloads, structuredClone(raw)));

const cases = everyEventType.map(({ contract, type }) => [`${contract.topic} ${type}`, contract, type] as const);
// Its recordIds are checked as one reference (a string) and as a non-empty array: no message meets both
// (injections.attestations.v1 replaces it).
const NEVER_VALID = ['injections.events.v1 RecordsAttested'];

describe('the compiled check of every contract', () => {
  it.each(cases)('%s compiles from the classes', (_, contract, type) => {
    expect(compileMessageCheck(type, contract.payloads[type])).toEqual({ check: expect.any(Function) });
  });

  it.each(cases.filter(([name]) => !NEVER_VALID.includes(name)))(
    '%s: a valid message passes it, as it passes class-validator',
    (_, contract, type) => {
      const { check } = compileMessageCheck(type, contract.payloads[type]) as { check: (raw: unknown) => boolean };
      const valid = envelopeArbitrary(type, payloadArbitrary(contract.payloads[type]));
      fc.assert(
        fc.property(valid, (raw) => {
          expect(today(contract, raw)).toHaveProperty('accepted');
          expect(check(structuredClone(raw))).toBe(true);
        }),
        { numRuns: 50 },
      );
    },
  );

  it.each(cases)('%s: it accepts nothing class-validator refuses, and parse answers as today', (_, contract, type) => {
    const { check } = compileMessageCheck(type, contract.payloads[type]) as { check: (raw: unknown) => boolean };
    const broken = mutated(envelopeArbitrary(type, payloadArbitrary(contract.payloads[type])));
    fc.assert(
      fc.property(broken, (raw) => {
        const before = today(contract, raw);
        if (check(structuredClone(raw))) expect(before).toHaveProperty('accepted');
        expect(outcome(() => contract.parse(structuredClone(raw)))).toEqual(before);
      }),
      { numRuns: 200 },
    );
  });
});
