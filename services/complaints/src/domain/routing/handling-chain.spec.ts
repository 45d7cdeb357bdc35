import { type SitePlacement, handlingChain, unitAbove } from './handling-chain';

const mobileTeam: SitePlacement = {
  siteId: 'LC-SH-M1',
  isCommuneStation: false,
  communeStationId: 'LC-SH-01',
  district: 'Sìn Hồ',
};
const station: SitePlacement = {
  siteId: 'LC-TD-01',
  isCommuneStation: true,
  communeStationId: null,
  district: 'Tam Đường',
};

describe('the chain a complaint climbs', () => {
  it('starts at the site that gave the dose, then its commune station, district centre and province', () => {
    expect(handlingChain('dose-details', mobileTeam, '12')).toEqual([
      { level: 'site', unitId: 'site:LC-SH-M1' },
      { level: 'commune-station', unitId: 'site:LC-SH-01' },
      { level: 'district-centre', unitId: 'district:Sìn Hồ' },
      { level: 'province', unitId: 'province:12' },
    ]);
  });

  it('starts at the station when the station gave the dose', () => {
    expect(handlingChain('missing-dose', station, '12').map((u) => u.level)).toEqual([
      'commune-station',
      'district-centre',
      'province',
    ]);
  });

  it('sends identity facts to the registry side, and a complaint naming no known site to the province', () => {
    expect(handlingChain('personal-details', station, '12')).toEqual([
      { level: 'registry', unitId: 'registry:12' },
      { level: 'province', unitId: 'province:12' },
    ]);
    expect(handlingChain('certificate', null, '12')).toEqual([{ level: 'province', unitId: 'province:12' }]);
  });

  it('hands up one level at a time, the province to itself', () => {
    const chain = handlingChain('missing-dose', station, '12');
    expect(unitAbove(chain, 'site:LC-TD-01').level).toBe('district-centre');
    expect(unitAbove(chain, 'district:Tam Đường').level).toBe('province');
    expect(unitAbove(chain, 'province:12').level).toBe('province');
  });
});
