import { readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

/** Text types worth compressing (images and the QR decoder's PNGs are already compressed). */
const TEXT_TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.html': 'text/html; charset=utf-8',
  '.svg': 'image/svg+xml',
};

export type Encoding = 'br' | 'gzip';

/** The best encoding the browser accepts, brotli before gzip; null for none (or `q=0`). */
export function encodingFor(acceptEncoding: string | undefined): Encoding | null {
  const accepted = new Set(
    (acceptEncoding ?? '')
      .split(',')
      .map((part) => part.trim().split(';'))
      .filter(([, q]) => !q || !/^q=0(\.0*)?$/.test(q.trim()))
      .map(([name]) => name.trim().toLowerCase()),
  );
  return accepted.has('br') ? 'br' : accepted.has('gzip') ? 'gzip' : null;
}

/**
 * A page made for one request (index.html with a person's first data): compressed at a quality that
 * takes a millisecond or two for a few kilobytes, since it is compressed every time.
 */
export function compressedNow(body: Buffer, encoding: Encoding): Buffer {
  return encoding === 'br'
    ? brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 5 } })
    : gzipSync(body, { level: 6 });
}

/**
 * The portal's text assets, compressed once and kept: a phone on a 3G network gets the scripts and
 * texts at a fraction of their size (measured in bench/portal-phone-load.bench.ts). The files are
 * fixed for the life of the process, so each is read and compressed at most once per encoding.
 */
export class CompressedAssets {
  private readonly kept = new Map<string, Buffer>();

  constructor(private readonly root: string) {}

  /** The file compressed, with its type; null when it is not a text asset under the root. */
  async get(path: string, encoding: Encoding): Promise<{ body: Buffer; type: string } | null> {
    const type = TEXT_TYPES[extname(path)];
    const file = normalize(join(this.root, path));
    if (!type || !file.startsWith(this.root + sep) || file.split(sep).some((part) => part.startsWith('.'))) return null;
    const key = `${encoding}:${file}`;
    let body = this.kept.get(key);
    if (!body) {
      const raw = await readFile(file).catch(() => null);
      if (!raw) return null;
      body =
        encoding === 'br'
          ? brotliCompressSync(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } })
          : gzipSync(raw, { level: 9 });
      this.kept.set(key, body);
    }
    return { body, type };
  }
}
