// Names for the ids the services use: sites, the units complaints pass through, vaccines. An id
// with no known name is shown as it is rather than hidden.
import { t } from './i18n.js';

export const siteName = (reference, siteId) => reference?.sites?.find((s) => s.id === siteId)?.name ?? siteId;

export const vaccineName = (reference, code) => reference?.vaccines?.find((v) => v.code === code)?.name ?? code;

/** `site:LC-TD-01`, `district:Tam Đường`, `province:12` as a person reads them. */
export function unitName(reference, unitId) {
  const [kind, rest] = [unitId.slice(0, unitId.indexOf(':')), unitId.slice(unitId.indexOf(':') + 1)];
  if (kind === 'site') return siteName(reference, rest);
  if (kind === 'district') return t('unit.district', { district: rest });
  if (kind === 'province') return t('unit.province');
  return unitId;
}
