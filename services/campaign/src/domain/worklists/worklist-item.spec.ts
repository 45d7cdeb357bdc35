import { type WorklistItem, WorklistRefused, addDays, afterRecheck, correctItem, dueOn } from './worklist-item';

const item = (over: Partial<WorklistItem> = {}): WorklistItem => ({
  itemId: 'w-1',
  siteId: 'LC-TD-01',
  reason: 'identity-mismatch',
  status: 'open',
  dueOn: '2021-12-08',
  ...over,
});
const staff = { role: 'site-staff', scope: 'site:LC-TD-01' };
const refusal = (work: () => unknown) => {
  try {
    work();
  } catch (error) {
    if (error instanceof WorklistRefused) return `${error.field}:${error.rule}`;
    throw error;
  }
  return 'accepted';
};

describe('worklist items', () => {
  it('are due some days after opening, never after the campaign deadline', () => {
    expect(addDays('2021-12-30', 3)).toBe('2022-01-02');
    expect(dueOn('2021-12-01', 7, '2021-12-31')).toBe('2021-12-08');
    expect(dueOn('2021-12-28', 7, '2021-12-31')).toBe('2021-12-31');
  });

  it("are corrected by the row's own site, once, with at least one field", () => {
    expect(correctItem(item(), { dateOfBirth: '1990-05-03' }, staff)).toBe('corrected');
    expect(correctItem(item({ status: 'reopened' }), { fullName: 'Lò Văn Hưng' }, staff)).toBe('corrected');
    expect(refusal(() => correctItem(item(), { fullName: 'X' }, { role: 'site-staff', scope: 'site:LC-PT-01' }))).toBe(
      'siteId:ownSite',
    );
    expect(refusal(() => correctItem(item({ status: 'corrected' }), { fullName: 'X' }, staff))).toBe('status:open');
    expect(refusal(() => correctItem(item(), {}, staff))).toBe('correction:notEmpty');
  });

  it('of no known site are for managers', () => {
    expect(
      correctItem(
        item({ siteId: null }),
        { idNumber: '012090123456' },
        { role: 'manager', scope: 'district:Tam Đường' },
      ),
    ).toBe('corrected');
    expect(refusal(() => correctItem(item({ siteId: null }), { fullName: 'X' }, staff))).toBe('siteId:ownSite');
  });

  it('that need dose facts fixed cannot be settled by an identity correction', () => {
    expect(refusal(() => correctItem(item({ reason: 'dose-facts' }), { fullName: 'X' }, staff))).toBe(
      'reason:identity',
    );
  });

  it('resolve when the registry matches the corrected row, and reopen otherwise', () => {
    expect(afterRecheck(true)).toBe('resolved');
    expect(afterRecheck(false)).toBe('reopened');
  });
});
