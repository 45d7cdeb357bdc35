import type { ComplaintType, HandlingLevel } from '../complaint-kinds';

/** A unit that can hold a complaint's turn. Its id is the actor scope of its staff (`site:LC-TD-01`). */
export interface HandlingUnit {
  level: HandlingLevel;
  unitId: string;
}

/** Where a vaccination site sits in the health hierarchy (reference data, not code). */
export interface SitePlacement {
  siteId: string;
  isCommuneStation: boolean;
  /** The commune's health station, when the commune has one on record. */
  communeStationId: string | null;
  district: string;
}

/**
 * The units a complaint climbs, first to last (9458/BYT-CNTT: site → commune health station →
 * district health centre → provincial department). Identity facts go to the registry side (police),
 * above which only the province stands; a complaint naming no known site starts at the province.
 */
export function handlingChain(type: ComplaintType, site: SitePlacement | null, provinceCode: string): HandlingUnit[] {
  const province: HandlingUnit = { level: 'province', unitId: `province:${provinceCode}` };
  if (type === 'personal-details') return [{ level: 'registry', unitId: `registry:${provinceCode}` }, province];
  if (!site) return [province];
  const chain: HandlingUnit[] = [];
  if (!site.isCommuneStation) chain.push({ level: 'site', unitId: `site:${site.siteId}` });
  const station = site.isCommuneStation ? site.siteId : site.communeStationId;
  if (station) chain.push({ level: 'commune-station', unitId: `site:${station}` });
  chain.push({ level: 'district-centre', unitId: `district:${site.district}` }, province);
  return chain;
}

/** The unit one level above `unitId` in the chain; the top (or a unit not on it) hands to the top. */
export function unitAbove(chain: readonly HandlingUnit[], unitId: string): HandlingUnit {
  const index = chain.findIndex((u) => u.unitId === unitId);
  return chain[index >= 0 ? Math.min(index + 1, chain.length - 1) : chain.length - 1];
}
