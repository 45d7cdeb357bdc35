import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min, type ValidationOptions, ValidateBy } from 'class-validator';
import { validationProblem } from './problem-details';

/*
 * Keyset pagination, one contract for every list: `?limit=` (1–500, 100 by default) and the
 * `cursor` the previous page answered as `nextCursor`. A cursor is the sort key of the page's last
 * item, opaque to callers (base64url of a JSON array); the next page starts strictly after it, so a
 * page costs the same at any depth and an item inserted meanwhile is neither skipped nor repeated.
 */
export const PAGE_LIMIT_DEFAULT = 100;
export const PAGE_LIMIT_MAX = 500;
type KeyValue = string | number | null;

export const encodeCursor = (key: readonly KeyValue[]): string =>
  Buffer.from(JSON.stringify(key), 'utf8').toString('base64url');

function parseCursor(cursor: string): KeyValue[] | null {
  if (!/^[A-Za-z0-9_-]{1,1024}$/.test(cursor)) return null;
  try {
    const key: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    const scalar = (v: unknown) => v === null || typeof v === 'string' || (typeof v === 'number' && isFinite(v));
    return Array.isArray(key) && key.length > 0 && key.length <= 4 && key.every(scalar) ? (key as KeyValue[]) : null;
  } catch {
    return null;
  }
}

/** A cursor this platform could have made (rule `isPageCursor`). */
export function IsPageCursor(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isPageCursor',
      validator: {
        validate: (value) => typeof value === 'string' && parseCursor(value) !== null,
        defaultMessage: () => 'must be a nextCursor this list answered',
      },
    },
    options,
  );
}

/** The query parameters of every paginated list; a list's request DTO extends it. */
export class PageRequest {
  @ApiPropertyOptional({ description: 'The `nextCursor` of the previous page; omitted for the first page' })
  @IsOptional()
  @IsPageCursor()
  cursor?: string;

  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: PAGE_LIMIT_MAX, default: PAGE_LIMIT_DEFAULT })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(PAGE_LIMIT_MAX)
  limit?: number;
}

/** What a page answers beside its items. */
export class PageResponse {
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'Pass as `cursor` for the next page; null on the last page',
  })
  nextCursor!: string | null;
}

/** What a query needs: the key to start after (null: from the start) and how many rows to fetch. */
export interface KeysetPage {
  after: KeyValue[] | null;
  limit: number;
}

/**
 * The page asked for, its key checked against the list's key types ('string', 'number', 'string?'
 * for a nullable one): a cursor of another list is a 400 naming `cursor`, never a wrong page.
 */
export function keysetPage(request: PageRequest, keyTypes: readonly ('string' | 'number' | 'string?')[]): KeysetPage {
  const limit = request.limit ?? PAGE_LIMIT_DEFAULT;
  if (request.cursor === undefined) return { after: null, limit };
  const key = parseCursor(request.cursor);
  const fits =
    key !== null &&
    key.length === keyTypes.length &&
    key.every((v, i) => (keyTypes[i] === 'string?' ? v === null || typeof v === 'string' : typeof v === keyTypes[i]));
  if (!fits)
    throw validationProblem([
      { field: 'cursor', rule: 'isPageCursor', message: 'must be a nextCursor this list answered' },
    ]);
  return { after: key, limit };
}

/** A query fetches limit + 1 rows: the extra one says whether there is a next page. */
export function pageOf<T>(rows: readonly T[], page: KeysetPage, keyOf: (row: T) => KeyValue[]) {
  const items = rows.slice(0, page.limit);
  const nextCursor = rows.length > page.limit ? encodeCursor(keyOf(items[items.length - 1])) : null;
  return { items, nextCursor };
}

/**
 * Lists answered as a bare array (kept so for their callers) carry the next page's cursor in this
 * header instead, and as an RFC 8288 `Link: <…?cursor=…>; rel="next"`.
 */
export const NEXT_CURSOR_HEADER = 'X-Next-Cursor';

export const NEXT_CURSOR_HEADER_DOC = {
  [NEXT_CURSOR_HEADER]: {
    description: 'Pass as `cursor` for the next page; absent on the last page',
    schema: { type: 'string' },
  },
};

interface HeaderTarget {
  setHeader(name: string, value: string): unknown;
}

/** Sets the next-page headers (nothing on the last page) and answers the page's items. */
export function itemsWithNextCursor<T>(
  res: HeaderTarget,
  path: string,
  page: { items: T[]; nextCursor: string | null },
): T[] {
  if (page.nextCursor !== null) {
    res.setHeader(NEXT_CURSOR_HEADER, page.nextCursor);
    const [base, query = ''] = path.split('?');
    const params = new URLSearchParams(query);
    params.set('cursor', page.nextCursor);
    res.setHeader('Link', `<${base}?${params}>; rel="next"`);
  }
  return page.items;
}
