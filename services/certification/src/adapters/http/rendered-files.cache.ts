import { createHash } from 'node:crypto';
import { LRUCache } from 'lru-cache';

/** About a thousand A4 certificates (30–40 KB each) or several thousand QR images. */
const DEFAULT_MAX_BYTES = 32 * 1024 * 1024;

type Render = () => Promise<Buffer>;

/**
 * Rendered files (a certificate's PDF, its QR image) kept by what they were rendered from: the key
 * is a hash of everything the rendering reads (certificate id, HC1, holder, doses, paper size), so
 * a reissued, corrected or revoked certificate can never be answered with an old file; the caller
 * loads the person's state, and so the revocation, before asking. lru-cache keeps them up to
 * `maxBytes`, least recently used out first, shares one rendering among the requests that arrive
 * while it runs, and keeps nothing from a rendering that failed.
 */
export class RenderedFilesCache {
  private readonly files: LRUCache<string, Buffer, Render>;

  constructor(maxBytes = DEFAULT_MAX_BYTES) {
    this.files = new LRUCache<string, Buffer, Render>({
      maxSize: maxBytes,
      sizeCalculation: (file) => Math.max(file.length, 1),
      fetchMethod: (_key, _stale, { context: render }) => render(),
    });
  }

  async get(renderedFrom: unknown, render: Render): Promise<Buffer> {
    const key = createHash('sha256').update(JSON.stringify(renderedFrom)).digest('base64url');
    const file = await this.files.fetch(key, { context: render });
    if (!file) throw new Error('the rendering gave no file');
    return file;
  }
}
