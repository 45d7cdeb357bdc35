import { chooseIdentity } from './identity-choice';
import type { WorklistItem } from './worklist-item';

const item: WorklistItem = {
  itemId: 'c:csv:7:ambiguous-identity',
  siteId: 'LC-TD-01',
  reason: 'ambiguous-identity',
  status: 'open',
  dueOn: '2021-12-08',
};
const staff = { role: 'site-staff', scope: 'site:LC-TD-01' };
const candidates = ['P1', 'P2'];

describe("a site's choice among a row's candidates", () => {
  it('links the row to the candidate the site recognises, settling the item', () => {
    expect(chooseIdentity(item, candidates, { decision: 'same-person', personId: 'P2' }, staff)).toBe('resolved');
  });

  it('keeps the item open when the person is none of them, for the site to correct the row', () => {
    expect(chooseIdentity(item, candidates, { decision: 'none-of-them' }, staff)).toBe('open');
    const reopened = { ...item, status: 'reopened' as const };
    expect(chooseIdentity(reopened, candidates, { decision: 'none-of-them' }, staff)).toBe('reopened');
  });

  it('refuses a person the registry did not put forward, naming the field and rule', () => {
    expect(() => chooseIdentity(item, candidates, { decision: 'same-person', personId: 'P9' }, staff)).toThrow(
      expect.objectContaining({ field: 'personId', rule: 'candidate' }),
    );
  });

  it("refuses another site's staff, and leaves rows of no known site to managers", () => {
    const other = { role: 'site-staff', scope: 'site:LC-PT-01' };
    expect(() => chooseIdentity(item, candidates, { decision: 'none-of-them' }, other)).toThrow(
      expect.objectContaining({ field: 'siteId', rule: 'ownSite' }),
    );
    const nobodys = { ...item, siteId: null };
    expect(() => chooseIdentity(nobodys, candidates, { decision: 'none-of-them' }, staff)).toThrow(
      expect.objectContaining({ rule: 'ownSite' }),
    );
    const manager = { role: 'manager', scope: 'province:LC' };
    expect(chooseIdentity(nobodys, candidates, { decision: 'same-person', personId: 'P1' }, manager)).toBe('resolved');
  });

  it('takes a choice only on a row to review, once', () => {
    const mismatch = { ...item, reason: 'identity-mismatch' as const };
    expect(() => chooseIdentity(mismatch, candidates, { decision: 'none-of-them' }, staff)).toThrow(
      expect.objectContaining({ field: 'reason', rule: 'ambiguousIdentity' }),
    );
    const resolved = { ...item, status: 'resolved' as const };
    expect(() => chooseIdentity(resolved, candidates, { decision: 'same-person', personId: 'P1' }, staff)).toThrow(
      expect.objectContaining({ field: 'status', rule: 'open' }),
    );
  });
});
