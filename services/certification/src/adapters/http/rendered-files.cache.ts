import { createHash } from 'node:crypto';

/** About a thousand A4 certificates (30–40 KB each) or several thousand QR images. */
const DEFAULT_MAX_BYTES = 32 * 1024 * 1024;

/**
 * Rendered files (a certificate's PDF, its QR image) kept by what they were rendered from: the key
 * is a hash of everything the rendering reads (certificate id, HC1, holder, doses, paper size), so
 * a reissued, corrected or revoked certificate can never be answered with an old file; the caller
 * loads the person's state, and so the revocation, before asking. The least recently used files
 * leave first once `maxBytes` is reached; requests for a file being rendered share that rendering.
 */
export class RenderedFilesCache {
  private readonly files = new Map<string, Buffer>();
  private readonly rendering = new Map<string, Promise<Buffer>>();
  private bytes = 0;

  constructor(private readonly maxBytes = DEFAULT_MAX_BYTES) {}

  async get(renderedFrom: unknown, render: () => Promise<Buffer>): Promise<Buffer> {
    const key = createHash('sha256').update(JSON.stringify(renderedFrom)).digest('base64url');
    const kept = this.files.get(key);
    if (kept) {
      this.files.delete(key); // re-inserted: Map order is the recency order
      this.files.set(key, kept);
      return kept;
    }
    const pending = this.rendering.get(key);
    if (pending) return pending;
    const rendered = render().finally(() => this.rendering.delete(key));
    this.rendering.set(key, rendered);
    this.keep(key, await rendered);
    return rendered;
  }

  private keep(key: string, file: Buffer): void {
    if (file.length > this.maxBytes) return;
    this.files.set(key, file);
    this.bytes += file.length;
    for (const [oldest, old] of this.files) {
      if (this.bytes <= this.maxBytes) break;
      this.files.delete(oldest);
      this.bytes -= old.length;
    }
  }
}
