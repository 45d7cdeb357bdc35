import type { CellValue, Gender, IdState } from './legacy-row';
import { cleanText } from './text-folding';

/** A cell as trimmed text; numbers as written (no exponent), dates are not text. */
export function cellText(value: CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isInteger(value) ? value.toFixed(0) : String(value);
  if (value instanceof Date) return '';
  return cleanText(value);
}

export type IdReading = { state: IdState; idNumber?: string; leadingZeroRestored?: boolean };

/**
 * 12 digits (CCCD) or 9 (CMND); spaces, dots, dashes and a spreadsheet's text apostrophe ignored.
 * A spreadsheet that stored the number as a number dropped its leading zero (every Lai Châu CCCD
 * starts with 0, as do its old CMNDs): 11 digits get it back wherever they come from (no number has
 * 11 digits), 8 digits only from a numeric cell, since typed text of 8 digits is as likely a number
 * cut short. Restored numbers are flagged, and the registry check has the last word.
 */
export function readIdNumber(value: CellValue): IdReading {
  const digits = cellText(value)
    .replace(/^'/, '')
    .replace(/[\s.-]/g, '');
  if (digits === '') return { state: 'missing' };
  if (!/^\d+$/.test(digits)) return { state: 'malformed' };
  if (digits.length === 12 || digits.length === 9) return { state: 'valid', idNumber: digits };
  if (digits.length === 11 || (digits.length === 8 && typeof value === 'number'))
    return { state: 'valid', idNumber: `0${digits}`, leadingZeroRestored: true };
  return { state: 'malformed' };
}

const MALE = new Set(['nam', 'm', 'male', 'trai']);
const FEMALE = new Set(['nu', 'nữ', 'f', 'female', 'gai', 'gái']);

export function readGender(value: CellValue): Gender | 'unknown' | undefined {
  const text = cellText(value).toLowerCase();
  if (text === '') return undefined;
  if (MALE.has(text)) return 'male';
  if (FEMALE.has(text.normalize('NFC'))) return 'female';
  return 'unknown';
}

/** "1", "Mũi 1", "mui 2": the number; "nhắc lại" (booster) and anything else are not read. */
export function readDoseNumber(value: CellValue): number | 'unreadable' | undefined {
  const text = cellText(value);
  if (text === '') return undefined;
  const m = /(\d{1,2})\s*$/.exec(text);
  const n = m ? Number(m[1]) : NaN;
  return n >= 1 && n <= 10 ? n : 'unreadable';
}

/** Vietnamese numbers: 10 digits starting with 0, or +84 / 84 followed by 9 digits. */
export function readPhone(value: CellValue): string | 'malformed' | undefined {
  const digits = cellText(value).replace(/[\s.()-]/g, '');
  if (digits === '') return undefined;
  if (/^0\d{9}$/.test(digits)) return digits;
  const m = /^\+?84(\d{9})$/.exec(digits);
  if (m) return `0${m[1]}`;
  if (/^\d{9}$/.test(digits)) return `0${digits}`; // a spreadsheet number lost the leading zero
  return 'malformed';
}
