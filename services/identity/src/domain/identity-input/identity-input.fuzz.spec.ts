import fc from 'fast-check';
import { parseCccdQr } from './cccd-qr.parser';
import { IdentityInputError } from './identity-input.error';
import type { ParseContext } from './parse-context';
import { parsePersonalQr1405 } from './personal-qr-1405.parser';
import { parseTypedIdentity } from './typed-identity.parser';

const context: ParseContext = { provinceCodes: new Set(['001', '012']), today: '2021-11-25' };

/** Either a result or the typed error; anything else thrown fails the property. */
function onlyTypedErrors(parse: () => unknown): boolean {
  try {
    parse();
    return true;
  } catch (error) {
    return error instanceof IdentityInputError && error.problems.length > 0;
  }
}

// Strings near the real layouts find more than uniform noise: pipes, digits, Vietnamese letters.
const qrLike = fc
  .array(
    fc.oneof(
      fc.constantFrom('|', '<', 'Nam', 'Nữ', '012203004567', '02012003', '2003-01-02', 'Lò Văn Páo', ''),
      fc.string(),
      fc.stringMatching(/^\d{0,14}$/),
    ),
    {
      maxLength: 9,
    },
  )
  .map((parts) => parts.join(''));
const anyText = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 1200 }),
  qrLike,
  fc.string({ unit: 'binary', maxLength: 300 }),
);

describe('parsers under fuzzing (fast-check): nothing escapes but IdentityInputError', () => {
  it('the CCCD QR parser', () => {
    fc.assert(
      fc.property(anyText, (raw) => onlyTypedErrors(() => parseCccdQr(raw, context))),
      { numRuns: 3_000 },
    );
  });

  it('the 1405 personal QR parser', () => {
    fc.assert(
      fc.property(anyText, (raw) => onlyTypedErrors(() => parsePersonalQr1405(raw, context))),
      { numRuns: 3_000 },
    );
  });

  it('the typed identity parser', () => {
    const typed = fc.record(
      {
        idNumber: anyText,
        fullName: fc.option(anyText, { nil: undefined }),
        dateOfBirth: fc.option(
          fc.oneof(
            anyText,
            fc.date({ noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
          ),
          { nil: undefined },
        ),
        gender: fc.option(fc.constantFrom('male' as const, 'female' as const), { nil: undefined }),
      },
      { requiredKeys: ['idNumber'] },
    );
    fc.assert(
      fc.property(typed, (input) => onlyTypedErrors(() => parseTypedIdentity(input, context))),
      { numRuns: 3_000 },
    );
  });

  it('reads back every well-formed CCCD QR it is given', () => {
    const wellFormed = fc
      .record({
        female: fc.boolean(),
        birth: fc.date({ min: new Date('1930-01-01'), max: new Date('2020-12-31'), noInvalidDate: true }),
        serial: fc.stringMatching(/^\d{6}$/),
        name: fc.constantFrom('Lò Văn Páo', 'Giàng Thị Sua', 'Đặng Văn Đức', 'Nguyễn Thị Hoà'),
      })
      .map(({ female, birth, serial, name }) => {
        const y = birth.getUTCFullYear();
        const digit = (y >= 2000 ? 2 : 0) + (female ? 1 : 0);
        const id = `012${digit}${String(y).slice(2)}${serial}`;
        const dmy = `${String(birth.getUTCDate()).padStart(2, '0')}${String(birth.getUTCMonth() + 1).padStart(2, '0')}${y}`;
        return {
          qr: `${id}||${name}|${dmy}|${female ? 'Nữ' : 'Nam'}|Lai Châu|01012021`,
          id,
          iso: birth.toISOString().slice(0, 10),
        };
      });
    fc.assert(
      fc.property(wellFormed, ({ qr, id, iso }) => {
        const person = parseCccdQr(qr, context);
        return person.idNumber === id && person.dateOfBirth === iso;
      }),
      { numRuns: 1_000 },
    );
  });
});
