import { encodeCursor } from '@vax/platform';
import { validationProblem } from '@vax/platform';

/*
 * "Who looked at my data" gathers three services' logs. The portal's cursor carries each one's own
 * cursor (null once that log is read to its end), so every read is shown once; a page is sorted
 * newest first within itself, and a later page may hold a read older than some of an earlier one.
 */
export const READ_SOURCES = [
  ['injections', 'records'],
  ['certification', 'certificates'],
  ['complaints', 'people'],
] as const;

export type SourceCursors = (string | null | undefined)[];

/** The sources' cursors from the portal's own; undefined for each on the first page. */
export function sourceCursors(cursor: unknown): SourceCursors {
  if (cursor === undefined) return READ_SOURCES.map(() => undefined);
  try {
    const parsed: unknown = JSON.parse(Buffer.from(String(cursor), 'base64url').toString('utf8'));
    const fits =
      Array.isArray(parsed) &&
      parsed.length === READ_SOURCES.length &&
      parsed.every((c) => c === null || (typeof c === 'string' && /^[A-Za-z0-9_-]{1,1024}$/.test(c)));
    if (fits) return parsed as SourceCursors;
  } catch {
    // refused below
  }
  throw validationProblem([
    { field: 'cursor', rule: 'isPageCursor', message: 'must be a nextCursor this list answered' },
  ]);
}

/** The portal's next cursor from each source's: null once every log is read to its end. */
export const mergedNextCursor = (next: (string | null)[]) =>
  next.every((c) => c === null) ? null : encodeCursor(next);
