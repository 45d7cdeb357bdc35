import { readLegacyDate } from './legacy-dates';
import { cellText, readDoseNumber, readGender, readIdNumber, readPhone } from './legacy-fields';
import type { CellValue, LegacyField, LegacyRow, RowProblem } from './legacy-row';
import type { SiteDirectory, VaccineDirectory } from './reference-directories';
import { cleanText } from './text-folding';

export interface ValidationContext {
  dateOrder: 'dmy' | 'mdy';
  /** YYYY-MM-DD in Vietnam: no date of birth or injection after it. */
  today: string;
  /** No COVID-19 injection before it (the province's first doses). */
  firstVaccinationDay: string;
  vaccines: VaccineDirectory;
  sites: SiteDirectory;
}

const MAX_TEXT = { fullName: 200, address: 300, lotNumber: 50 } as const;

/**
 * One row through the mapping: every field read leniently, every problem listed by field and rule.
 * A row is rejected only when nothing can be verified (no name, or neither ID number nor birth
 * date); any other problem travels with the row to its site's worklist.
 */
export function validateRow(
  rowNumber: number,
  cells: readonly CellValue[],
  columns: ReadonlyMap<LegacyField, number>,
  ctx: ValidationContext,
): LegacyRow {
  const cell = (field: LegacyField): CellValue => {
    const at = columns.get(field);
    return at === undefined ? undefined : cells[at];
  };
  const problems: RowProblem[] = [];
  const flag = (field: LegacyField, rule: string) => problems.push({ field, rule });
  const text = (field: 'fullName' | 'address' | 'lotNumber') => {
    const value = cellText(cell(field));
    if (value.length > MAX_TEXT[field]) flag(field, 'maxLength');
    return value === '' ? undefined : value.slice(0, MAX_TEXT[field]);
  };

  const fullName = text('fullName');
  if (!fullName) flag('fullName', 'required');
  else if (!/\p{L}/u.test(fullName) || /\d/.test(fullName)) flag('fullName', 'letters');

  const id = readIdNumber(cell('idNumber'));
  if (id.state !== 'valid') flag('idNumber', id.state === 'missing' ? 'required' : 'format');
  if (id.leadingZeroRestored) flag('idNumber', 'leadingZeroRestored');

  const dateOfBirth = date('dateOfBirth', cell('dateOfBirth'), ctx, flag, '1900-01-01');
  const gender = readGender(cell('gender'));
  if (gender === 'unknown') flag('gender', 'known');
  const phone = readPhone(cell('phone'));
  if (phone === 'malformed') flag('phone', 'format');

  const vaccineText = cellText(cell('vaccine'));
  const vaccineCode = vaccineText ? ctx.vaccines.resolve(vaccineText) : undefined;
  if (!vaccineText) flag('vaccine', 'required');
  else if (!vaccineCode) flag('vaccine', 'known');
  const lotNumber = text('lotNumber');
  if (!lotNumber) flag('lotNumber', 'required');
  const administeredOn = date('administeredOn', cell('administeredOn'), ctx, flag, ctx.firstVaccinationDay);
  if (administeredOn && dateOfBirth && administeredOn < dateOfBirth) flag('administeredOn', 'afterBirth');
  const doseNumber = readDoseNumber(cell('doseNumber'));
  if (doseNumber === 'unreadable') flag('doseNumber', 'format');
  const siteText = cellText(cell('site'));
  const site = siteText ? ctx.sites.resolve(siteText) : undefined;
  if (!siteText) flag('site', 'required');
  else if (!site) flag('site', 'known');

  const verifiable = !!fullName && (id.state === 'valid' || !!dateOfBirth);
  return {
    rowNumber,
    status: verifiable ? 'accepted' : 'rejected',
    idState: id.state,
    fullName: fullName && cleanText(fullName),
    dateOfBirth,
    gender: gender === 'unknown' ? undefined : gender,
    idNumber: id.idNumber,
    phone: phone === 'malformed' ? undefined : phone,
    address: text('address'),
    vaccineCode,
    lotNumber,
    administeredOn,
    doseNumber: doseNumber === 'unreadable' ? undefined : doseNumber,
    siteId: site?.id,
    problems,
  };
}

function date(
  field: 'dateOfBirth' | 'administeredOn',
  value: CellValue,
  ctx: ValidationContext,
  flag: (field: LegacyField, rule: string) => void,
  earliest: string,
): string | undefined {
  const reading = readLegacyDate(value, ctx.dateOrder);
  if (!reading) return void flag(field, 'required');
  if ('problem' in reading) return void flag(field, reading.problem);
  if (reading.date > ctx.today) return void flag(field, 'notInFuture');
  if (reading.date < earliest) return void flag(field, 'tooEarly');
  return reading.date;
}
