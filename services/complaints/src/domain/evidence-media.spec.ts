import { sniffMediaType } from './evidence-media';

const bytes = (...values: (number | string)[]) =>
  Uint8Array.from(values.flatMap((v) => (typeof v === 'string' ? [...v].map((c) => c.charCodeAt(0)) : [v])));

describe('the media type of a photo, from its content', () => {
  it('recognises JPEG, PNG and HEIC', () => {
    expect(sniffMediaType(bytes(0xff, 0xd8, 0xff, 0xe0, 0, 0x10))).toBe('image/jpeg');
    expect(sniffMediaType(bytes(0x89, 'PNG', 0x0d, 0x0a, 0x1a, 0x0a, 0))).toBe('image/png');
    expect(sniffMediaType(bytes(0, 0, 0, 0x18, 'ftypheic', 0, 0, 0, 0))).toBe('image/heic');
  });

  it('refuses anything else, whatever it claims to be', () => {
    expect(sniffMediaType(bytes('GIF89a'))).toBeNull();
    expect(sniffMediaType(bytes('%PDF-1.7'))).toBeNull();
    expect(sniffMediaType(bytes(0, 0, 0, 0x18, 'ftypmp42'))).toBeNull();
    expect(sniffMediaType(bytes())).toBeNull();
  });
});
