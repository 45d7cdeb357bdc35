import { LEGACY_FIELDS, type LegacyField, REQUIRED_COLUMNS } from './legacy-row';
import { cleanText, foldText } from './text-folding';

/**
 * Which column of a site's list holds which field, as a JSON file:
 * `{ "columns": { "Họ và tên": "fullName", "Số CCCD/CMND": "idNumber", … }, "dateOrder": "dmy" }`.
 * Headers are matched ignoring case, spacing and diacritics, since lists were typed by hand.
 */
export interface ColumnMapping {
  columns: Record<string, LegacyField>;
  /** How a date like 03/04/1990 is read: day first (Vietnamese lists) unless a list says otherwise. */
  dateOrder: 'dmy' | 'mdy';
  /** For spreadsheets: the worksheet's name or 1-based position; the first one by default. */
  sheet?: string | number;
}

export interface MappingProblem {
  field: string;
  rule: string;
  message: string;
}

/** A mapping file or a header row that cannot be used: the import stops before reading any row. */
export class MappingRejected extends Error {
  constructor(readonly problems: MappingProblem[]) {
    super(problems.map((p) => `${p.field}: ${p.message}`).join('; '));
    this.name = 'MappingRejected';
  }
}

export function parseMapping(raw: unknown): ColumnMapping {
  const problems: MappingProblem[] = [];
  const input = (raw ?? {}) as { columns?: unknown; dateOrder?: unknown; sheet?: unknown };
  const columns: Record<string, LegacyField> = {};
  if (typeof input.columns !== 'object' || input.columns === null || Array.isArray(input.columns)) {
    problems.push({ field: 'columns', rule: 'object', message: 'must map column headers to fields' });
  } else {
    for (const [header, field] of Object.entries(input.columns as Record<string, unknown>)) {
      if ((LEGACY_FIELDS as readonly unknown[]).includes(field)) columns[header] = field as LegacyField;
      else
        problems.push({
          field: `columns.${header}`,
          rule: 'knownField',
          message: `must be one of ${LEGACY_FIELDS.join(', ')}`,
        });
    }
    const mapped = new Set(Object.values(columns));
    for (const field of REQUIRED_COLUMNS)
      if (!mapped.has(field)) problems.push({ field, rule: 'mapped', message: 'no column is mapped to this field' });
  }
  const dateOrder = input.dateOrder ?? 'dmy';
  if (dateOrder !== 'dmy' && dateOrder !== 'mdy')
    problems.push({ field: 'dateOrder', rule: 'oneOf', message: 'must be dmy or mdy' });
  const sheet = input.sheet;
  if (sheet !== undefined && typeof sheet !== 'string' && !(Number.isInteger(sheet) && (sheet as number) >= 1))
    problems.push({ field: 'sheet', rule: 'sheet', message: 'must be a worksheet name or a 1-based number' });
  if (problems.length > 0) throw new MappingRejected(problems);
  return { columns, dateOrder: dateOrder as 'dmy' | 'mdy', sheet: sheet as string | number | undefined };
}

const headerKey = (header: string) => foldText(header).toLowerCase();

/** The position of each mapped field in a header row; a required column that is absent refuses the file. */
export function resolveColumns(mapping: ColumnMapping, headers: readonly unknown[]): Map<LegacyField, number> {
  const positions = new Map<string, number>();
  headers.forEach((h, i) => {
    const key = typeof h === 'string' || typeof h === 'number' ? headerKey(cleanText(String(h))) : '';
    if (key && !positions.has(key)) positions.set(key, i);
  });
  const fields = new Map<LegacyField, number>();
  for (const [header, field] of Object.entries(mapping.columns)) {
    const at = positions.get(headerKey(header));
    if (at !== undefined && !fields.has(field)) fields.set(field, at);
  }
  const missing = REQUIRED_COLUMNS.filter((f) => !fields.has(f));
  if (missing.length > 0)
    throw new MappingRejected(
      missing.map((field) => ({ field, rule: 'columnPresent', message: 'the mapped column is not in the header row' })),
    );
  return fields;
}
