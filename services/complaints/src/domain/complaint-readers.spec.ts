import { mayRead } from './complaint-readers';
import { cmd, citizen, historyOf, otherSiteStaff, siteStaff, stateOf } from './complaint.spec-fixtures';
import type { FiledComplaint } from './complaint.state';

// Who may open a complaint: the filer, its managers, the unit holding it, and a unit that decided on it.

const filed = [cmd.file(), cmd.identity(), cmd.assign()];
const state = (...more: ReturnType<(typeof cmd)[keyof typeof cmd]>[]) =>
  stateOf(historyOf(...filed, ...more)) as FiledComplaint;
const district = 'Tam Đường';

describe('who may read a complaint', () => {
  it('the unit holding the turn reads it; another site does not', () => {
    expect(mayRead(siteStaff, state(), district)).toBe(true);
    expect(mayRead(otherSiteStaff, state(), district)).toBe(false);
  });

  it('the unit that rejected it still opens it once closed (it was refused before: 403)', () => {
    const rejected = state(cmd.reject());
    expect(rejected.status).toBe('closed');
    expect(rejected.decidedBy).toEqual([siteStaff.scope]);
    expect(mayRead(siteStaff, rejected, district)).toBe(true);
    expect(mayRead(otherSiteStaff, rejected, district)).toBe(false);
  });

  it('the unit that asked the citizen, or accepted, is recorded once as a decider', () => {
    expect(state(cmd.ask()).decidedBy).toEqual([siteStaff.scope]);
    const resolved = state(cmd.ask(), cmd.reply(), cmd.accept(), cmd.corrected(), cmd.resolve());
    expect(resolved.decidedBy).toEqual([siteStaff.scope]);
    expect(mayRead(siteStaff, resolved, district)).toBe(true);
  });

  it('a unit that held the turn but decided nothing loses it once closed', () => {
    const withdrawn = state(cmd.withdraw());
    expect(withdrawn.decidedBy).toEqual([]);
    expect(mayRead(siteStaff, withdrawn, district)).toBe(false);
  });

  it('the filer reads it; managers by reach', () => {
    const closed = state(cmd.reject());
    expect(mayRead(citizen, closed, district)).toBe(true);
    expect(mayRead({ id: 'c-9', role: 'citizen', scope: 'person:c-9' }, closed, district)).toBe(false);
    expect(mayRead({ id: 'm', role: 'manager', scope: 'province:LC' }, closed, district)).toBe(true);
    expect(mayRead({ id: 'm', role: 'manager', scope: `district:${district}` }, closed, district)).toBe(true);
    expect(mayRead({ id: 'm', role: 'manager', scope: 'district:Phong Thổ' }, closed, district)).toBe(false);
  });
});
