import { SiteDirectory } from '../legacy-row/reference-directories';
import { SITES } from '../legacy-row/legacy-row.spec-fixtures';
import { type Counts, daysLeft, emptyCounts, rollUp } from './campaign-progress';

const counts = (over: Partial<Counts>): Counts => ({ ...emptyCounts(), ...over });
const bySite = new Map<string | null, Counts>([
  ['LC-TD-01', counts({ rows: 10, sent: 9, matched: 6, mismatched: 3, invalidId: 1, corrected: 2 })],
  ['LC-TD-02', counts({ rows: 5, sent: 5, matched: 5, attested: 5 })],
  ['LC-PT-01', counts({ rows: 4, sent: 4, notFound: 4, worklistOpen: 4, worklistOverdue: 1 })],
  [null, counts({ rows: 2, rejected: 2 })],
]);
const sites = new SiteDirectory(SITES);

describe('campaign progress', () => {
  it('rolls site counts up to communes and districts, rows of no known site apart', () => {
    const districts = rollUp(bySite, sites, 'district');
    expect(districts.map((r) => [r.key, r.rows, r.matched, r.corrected, r.attested])).toEqual([
      ['(no known site)', 2, 0, 0, 0],
      ['Phong Thổ', 4, 0, 0, 0],
      ['Tam Đường', 15, 11, 2, 5],
    ]);
    expect(districts.find((r) => r.key === 'Tam Đường')!.settledShare).toBeCloseTo(13 / 15);
    expect(rollUp(bySite, sites, 'commune').map((r) => r.key)).toContain('Thị trấn Tam Đường');
    expect(rollUp(bySite, sites, 'site')).toHaveLength(4);
  });

  it('counts days to the deadline, negative once passed', () => {
    expect(daysLeft('2021-12-01', '2021-12-31')).toBe(30);
    expect(daysLeft('2022-01-02', '2021-12-31')).toBe(-2);
  });
});
