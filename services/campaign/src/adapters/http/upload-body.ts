import { Transform, type Readable } from 'node:stream';
import type { Request } from 'express';
import { UploadAborted, UploadTooLarge } from '../files/upload-errors';

/** The content types an upload may have, per format: a CSV as browsers and tools label it, or a workbook. */
export const UPLOAD_CONTENT_TYPES = {
  csv: ['text/csv', 'application/csv', 'text/plain'],
  xlsx: ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
} as const;
export const ALL_UPLOAD_CONTENT_TYPES: string[] = [...UPLOAD_CONTENT_TYPES.csv, ...UPLOAD_CONTENT_TYPES.xlsx];

export function uploadFormatOf(contentType: string | undefined): 'csv' | 'xlsx' | undefined {
  const type = contentType?.split(';')[0].trim().toLowerCase();
  if ((UPLOAD_CONTENT_TYPES.csv as readonly string[]).includes(type ?? '')) return 'csv';
  if ((UPLOAD_CONTENT_TYPES.xlsx as readonly string[]).includes(type ?? '')) return 'xlsx';
  return undefined;
}

/**
 * The request's body as a stream that fails past `maxBytes` or when the client goes away, so the
 * import stops rather than reading on or waiting forever. Nothing is buffered beyond the stream's
 * own high-water mark: the import's pace pulls the bytes.
 */
export function limitedBody(req: Request, maxBytes: number): Readable {
  let seen = 0;
  const limited = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      seen += chunk.length;
      done(seen > maxBytes ? new UploadTooLarge(maxBytes) : null, chunk);
    },
  });
  req.on('error', () => limited.destroy(new UploadAborted()));
  req.on('close', () => !req.complete && limited.destroy(new UploadAborted()));
  return req.pipe(limited);
}
