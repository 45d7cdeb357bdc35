import 'reflect-metadata';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { PageRequest, encodeCursor, itemsWithNextCursor, keysetPage, pageOf } from './keyset-page';

const request = (query: Record<string, string>) => plainToInstance(PageRequest, query);
const rules = (query: Record<string, string>) =>
  validateSync(request(query)).flatMap((e) => Object.keys(e.constraints ?? {}).map((rule) => `${e.property}:${rule}`));

describe('keyset pages', () => {
  it('takes 100 items by default, at most 500, from a cursor this platform made', () => {
    expect(rules({})).toEqual([]);
    expect(rules({ limit: '500', cursor: encodeCursor(['2021-12-01', 'item-7']) })).toEqual([]);
    expect(rules({ limit: '0' })).toEqual(['limit:min']);
    expect(rules({ limit: '501' })).toEqual(['limit:max']);
    expect(rules({ limit: '2.5' })).toEqual(['limit:isInt']);
    for (const cursor of ['not base64!', encodeCursor([]), Buffer.from('{"a":1}').toString('base64url'), 'e30'])
      expect(rules({ cursor })).toEqual(['cursor:isPageCursor']);
    expect(keysetPage(request({}), ['string'])).toEqual({ after: null, limit: 100 });
  });

  it("refuses a cursor of another list's shape as a 400 naming the cursor", () => {
    const cursor = encodeCursor(['2021-12-01', 7]);
    expect(keysetPage(request({ cursor, limit: '20' }), ['string', 'number'])).toEqual({
      after: ['2021-12-01', 7],
      limit: 20,
    });
    expect(() => keysetPage(request({ cursor }), ['string', 'string'])).toThrow(
      expect.objectContaining({
        response: expect.objectContaining({
          status: 400,
          errors: [expect.objectContaining({ field: 'cursor', rule: 'isPageCursor' })],
        }),
      }),
    );
  });

  it('walks a list page by page, each item once, the last page without a next cursor', () => {
    const all = Array.from({ length: 23 }, (_, i) => ({
      day: `2021-12-${String(1 + (i % 5)).padStart(2, '0')}`,
      id: `i${String(i).padStart(2, '0')}`,
    }));
    const sorted = [...all].sort((a, b) => (a.day + a.id).localeCompare(b.day + b.id));
    const seen: string[] = [];
    let cursor: string | null | undefined;
    do {
      const page = keysetPage(request(cursor ? { cursor, limit: '10' } : { limit: '10' }), ['string', 'string']);
      const after = page.after ? (page.after as string[]).join('') : '';
      const rows = sorted.filter((r) => r.day + r.id > after).slice(0, page.limit + 1); // what the SQL does
      const result = pageOf(rows, page, (r) => [r.day, r.id]);
      seen.push(...result.items.map((r) => r.id));
      cursor = result.nextCursor;
    } while (cursor);
    expect(seen).toEqual(sorted.map((r) => r.id));
  });

  it('gives a bare array list its next cursor in a header and an RFC 8288 link, and nothing on the last page', () => {
    const headers = new Map<string, string>();
    const res = { setHeader: (name: string, value: string) => headers.set(name, value) };
    expect(itemsWithNextCursor(res, '/queue?limit=2', { items: [1, 2], nextCursor: 'abc' })).toEqual([1, 2]);
    expect(headers.get('X-Next-Cursor')).toBe('abc');
    expect(headers.get('Link')).toBe('</queue?limit=2&cursor=abc>; rel="next"');
    headers.clear();
    expect(itemsWithNextCursor(res, '/queue?cursor=abc', { items: [3], nextCursor: null })).toEqual([3]);
    expect(headers.size).toBe(0);
  });
});
