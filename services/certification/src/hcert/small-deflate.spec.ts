import { deflateSync, inflateSync } from 'node:zlib';
import { EVERY_DIACRITIC_NAME, reference, testSigner } from '../application/certification.spec-fixtures';
import { DISEASE_COVID19 } from '../domain/certification-reference';
import type { CertificateContent } from '../domain/dcc/certificate-content';
import { base45Decode } from './base45';
import { zlibDeflate } from './small-deflate';

/** A deterministic generator, so a failure names an input that can be replayed. */
function generator(seed: number) {
  let state = seed;
  return () => {
    state = (Math.imul(state, 1103515245) + 12345) & 0x7fffffff;
    return state / 0x80000000;
  };
}

/** Bytes from a small alphabet with back-references, the shapes LZ77 and Huffman coding meet. */
function structured(random: () => number, length: number): Buffer {
  const alphabet = 1 + Math.floor(random() * 255);
  const out = Buffer.alloc(length);
  for (let i = 0; i < length; i++) {
    if (i > 3 && random() < 0.3) {
      const distance = 1 + Math.floor(random() * Math.min(i, 4000));
      const run = Math.floor(random() * 300);
      for (let k = 0; k < run && i < length; k++, i++) out[i] = out[i - distance];
      i--;
    } else out[i] = Math.floor(random() * alphabet);
  }
  return out;
}

const roundTrips = (bytes: Buffer) => inflateSync(zlibDeflate(bytes)).equals(bytes);

describe('zlib for small messages', () => {
  it('writes a zlib stream with the 0x78 header and the Adler-32 of the input', () => {
    const bytes = Buffer.from('HC1 HC1 HC1 HC1 — Nguyễn Thị Phương Thảo');
    const z = zlibDeflate(bytes);
    expect(z[0]).toBe(0x78);
    expect(((z[0] << 8) | z[1]) % 31).toBe(0); // FCHECK
    expect(z.subarray(-4)).toEqual(deflateSync(bytes).subarray(-4));
    expect(inflateSync(z)).toEqual(bytes);
  });

  it.each([
    ['empty', Buffer.alloc(0)],
    ['one byte', Buffer.from([0xff])],
    ['two bytes', Buffer.from('ab')],
    ['a run of 258 (the longest match)', Buffer.alloc(259, 0x41)],
    ['long runs', Buffer.alloc(5000, 0)],
    ['every byte value', Buffer.from(Array.from({ length: 256 }, (_, i) => i))],
    ['incompressible (a stored block)', Buffer.from(Array.from({ length: 1000 }, (_, i) => (i * 7919) % 251))],
    ['the largest it compresses itself', structured(generator(1), 16384)],
    ['above that (Node’s zlib)', structured(generator(2), 16385)],
  ])('round-trips %s', (_, bytes) => {
    expect(roundTrips(bytes)).toBe(true);
    expect(zlibDeflate(bytes)[0]).toBe(0x78);
  });

  it('round-trips 2,000 structured inputs, all in all no larger than zlib level 9 writes them', () => {
    const random = generator(42);
    let ours = 0;
    let zlib = 0;
    for (let i = 0; i < 2000; i++) {
      const bytes = structured(random, Math.floor(random() ** 2 * 4000));
      const z = zlibDeflate(bytes);
      if (!inflateSync(z).equals(bytes)) throw new Error(`input ${i} does not round-trip`);
      ours += z.length;
      zlib += deflateSync(bytes, { level: 9 }).length;
    }
    expect(ours).toBeLessThanOrEqual(zlib);
  });

  it('compresses our certificates at least as well as zlib level 9', async () => {
    const { signer } = await testSigner();
    const names = ['An', 'Lò Văn Pọm', 'Nguyễn Thị Phương Thảo', 'Tôn Nữ Thị Ngọc Anh Hoàng Lan', EVERY_DIACRITIC_NAME];
    const contents: CertificateContent[] = names.flatMap((fullName): CertificateContent[] => {
      const holder = { fullName, dateOfBirth: '1988-04-12' };
      const common = { tg: DISEASE_COVID19, co: 'VN', is: reference.issuer.name };
      return [
        {
          type: 'v',
          status: 'fully-vaccinated',
          holder,
          entry: {
            ...common,
            vp: '1119349007',
            mp: 'EU/1/20/1528',
            ma: 'ORG-100030215',
            dn: 2,
            sd: 2,
            dt: '2021-10-02',
          },
        },
        {
          type: 'r',
          status: 'recovered',
          holder,
          entry: { ...common, fr: '2021-11-01', df: '2021-11-12', du: '2022-04-30' },
        },
      ];
    });
    for (const content of contents) {
      const compressed = base45Decode(signer.sign(content, new Date()).hc1.slice(4));
      const cose = inflateSync(compressed);
      expect(compressed.length).toBeLessThanOrEqual(deflateSync(cose, { level: 9 }).length);
    }
  });

  it('does not depend on what it compressed before (its tables are reused)', () => {
    const random = generator(7);
    const inputs = Array.from({ length: 50 }, () => structured(random, 300 + Math.floor(random() * 700)));
    const first = inputs.map((bytes) => zlibDeflate(bytes));
    const again = [...inputs].reverse().map((bytes) => zlibDeflate(bytes));
    expect(again.reverse()).toEqual(first);
  });
});
