import { worklistSites } from './worklist-reach';

const districts: Record<string, string[]> = { 'Tam Đường': ['LC-TD-01', 'LC-TD-02'], 'Phong Thổ': ['LC-PT-01'] };
const sitesOf = (district: string) => districts[district] ?? [];

describe('whose worklists an actor sees across campaigns', () => {
  it("gives a site's staff their own site only", () => {
    expect(worklistSites({ siteId: 'LC-TD-01' }, undefined, sitesOf)).toEqual(['LC-TD-01']);
    expect(worklistSites({ siteId: 'LC-TD-01' }, 'LC-TD-01', sitesOf)).toEqual(['LC-TD-01']);
  });

  it("gives a district's manager the district's sites, and one of them when asked", () => {
    expect(worklistSites({ district: 'Tam Đường' }, undefined, sitesOf)).toEqual(['LC-TD-01', 'LC-TD-02']);
    expect(worklistSites({ district: 'Tam Đường' }, 'LC-TD-02', sitesOf)).toEqual(['LC-TD-02']);
  });

  it("gives the province's managers every row (null), or the site they ask for", () => {
    expect(worklistSites({}, undefined, sitesOf)).toBeNull();
    expect(worklistSites({}, 'LC-PT-01', sitesOf)).toEqual(['LC-PT-01']);
  });

  it.each([
    ['another site, to site staff', { siteId: 'LC-TD-01' }, 'LC-TD-02'],
    ["another district's site, to a district manager", { district: 'Tam Đường' }, 'LC-PT-01'],
  ])('refuses %s, naming siteId and ownSite', (_, reach, asked) => {
    expect(() => worklistSites(reach, asked, sitesOf)).toThrow(
      expect.objectContaining({ field: 'siteId', rule: 'ownSite' }),
    );
  });

  it('refuses an actor whose scope reaches no unit', () => {
    expect(() => worklistSites(undefined, undefined, sitesOf)).toThrow(expect.objectContaining({ rule: 'ownSite' }));
  });
});
