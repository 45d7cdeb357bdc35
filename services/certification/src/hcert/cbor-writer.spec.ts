import { Tag } from 'cbor-x';
import { CborWriter, COSE_SIGN1_TAG, cborDecoder, cborEncoder, fromJson, toJson } from './cbor';
import { encodeCoseSign1, sigStructure } from './cose-sign1';
import { cwtMapOf, encodeHcert, hcertSignerOf } from './hcert.encoder';
import { decodeHcert } from './hcert.decoder';
import { developmentKeys } from '../application/certification.spec-fixtures';
import type { DccPayload } from '../domain/dcc/dcc-payload';

const writer = new CborWriter(4096);
const written = (value: unknown) => writer.tryWrite((w) => w.json(value));
const theirs = (value: unknown) => cborEncoder.encode(fromJson(value));

const INTEGERS = [
  0,
  1,
  23,
  24,
  255,
  256,
  65535,
  65536,
  2 ** 32 - 1,
  -1,
  -24,
  -25,
  -256,
  -257,
  -65536,
  -65537,
  -(2 ** 31),
];
const STRINGS = [
  '',
  'VN',
  'x'.repeat(23),
  'x'.repeat(24),
  'ư'.repeat(12), // 24 bytes from 12 characters
  'Nguyễn Thị Phương Thảo',
  'ố'.repeat(31), // 93 bytes: a 2-byte head although under 32 characters
  'Đ'.repeat(200),
  'a'.repeat(1000), // a 3-byte head
  '😀 astral 𝄞',
  'Ministry of Health of Viet Nam',
];

describe('CborWriter: the bytes cbor-x writes for JSON values', () => {
  it.each(INTEGERS)('integer %d', (n) => {
    expect(written(n)).toEqual(theirs(n));
  });

  it.each(STRINGS.map((s) => [s.slice(0, 20), s]))('text %s…', (_, s) => {
    expect(written(s)).toEqual(theirs(s));
  });

  it('a DCC payload, nested maps and arrays, booleans, null, and members left undefined', () => {
    const payload = {
      ver: '1.3.0',
      nam: { fn: 'Nguyễn', fnt: 'NGUYEN', gn: 'Thị Phương Thảo', gnt: 'THI<PHUONG<THAO' },
      dob: '1988-04-12',
      v: [{ tg: '840539006', vp: '1119349007', dn: 2, sd: 2, is: 'Bộ Y tế', ci: 'URN:UVCI:01:VN:LC/ABC#X' }],
      flags: [true, false, null, [], {}],
      dropped: undefined,
      many: Object.fromEntries(Array.from({ length: 30 }, (_, i) => [`k${i}`, i * 1000])),
      list: Array.from({ length: 300 }, (_, i) => i),
    };
    expect(written(payload)).toEqual(theirs(payload));
  });

  it.each([
    ['a float', 1.5],
    ['an integer beyond 32 bits', 2 ** 40],
    ['NaN', NaN],
    ['a lone surrogate', 'a\ud800b'],
    ['a trailing high surrogate', 'ab\ud83d'],
    ['a Date', new Date(0)],
    ['bytes', new Uint8Array(2)],
    ['undefined in an array', [1, undefined]],
    ['a class instance', new (class Point {})()],
    ['more than the buffer holds', 'x'.repeat(5000)],
  ])('declines %s, for cbor-x to take', (_, value) => {
    expect(written({ value })).toBeUndefined();
  });

  it('stays usable after declining', () => {
    expect(written({ a: 1.5 })).toBeUndefined();
    expect(written({ a: 1 })).toEqual(theirs({ a: 1 }));
  });
});

describe('COSE framing written by hand', () => {
  const protectedHeader = cborEncoder.encode(
    new Map<number, unknown>([
      [1, -7],
      [4, Buffer.alloc(8, 1)],
    ]),
  );
  it.each([0, 1, 23, 24, 255, 256, 65535, 65536])('Sig_structure and COSE_Sign1 around a payload of %d bytes', (n) => {
    const payload = Buffer.alloc(n, 0xab);
    const signature = Buffer.alloc(64, 0xcd);
    expect(sigStructure(protectedHeader, payload)).toEqual(
      cborEncoder.encode(['Signature1', protectedHeader, Buffer.alloc(0), payload]),
    );
    expect(encodeCoseSign1(protectedHeader, payload, signature)).toEqual(
      cborEncoder.encode(new Tag([protectedHeader, new Map(), payload, signature], COSE_SIGN1_TAG)),
    );
  });
});

describe('the CWT of a certificate', () => {
  it('is what cbor-x writes for the claims, whichever path writes it', async () => {
    const keys = await developmentKeys();
    const signer = hcertSignerOf(keys.signer.kid, keys.signer.privateKey);
    const hcert: DccPayload = {
      ver: '1.3.0',
      nam: { fn: 'Lò', fnt: 'LO', gn: 'Văn Pọm', gnt: 'VAN<POM' },
      dob: '1980-01-01',
      r: [
        {
          tg: '840539006',
          fr: '2021-11-01',
          co: 'VN',
          is: 'Ministry of Health of Viet Nam',
          df: '2021-11-12',
          du: '2022-04-30',
          ci: 'URN:UVCI:01:VN:LC/K7Q2#X',
        },
      ],
    };
    for (const claims of [
      { iss: 'VN', iat: 1_700_000_000, exp: 1_731_536_000, hcert },
      { iss: 'VN', iat: 1_700_000_000.5, exp: 1_731_536_000, hcert }, // not an integer: cbor-x's path
    ]) {
      const outcome = decodeHcert(encodeHcert(claims, signer).hc1);
      if (!outcome.ok) throw new Error(outcome.reason);
      expect(Buffer.from(outcome.decoded.cose.payload)).toEqual(Buffer.from(cborEncoder.encode(cwtMapOf(claims))));
      expect(toJson(cborDecoder.decode(outcome.decoded.cose.payload))).toEqual({
        '1': 'VN',
        '6': claims.iat,
        '4': claims.exp,
        '-260': { '1': hcert },
      });
    }
  });
});
