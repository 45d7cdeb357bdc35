/** Real calendar dates only: 31/02 or 29/02 of a common year are refused, not rolled over. */
export function isRealDate(year: number, month: number, day: number): boolean {
  if (!Number.isInteger(year) || month < 1 || month > 12 || day < 1) return false;
  const days = [31, isLeap(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
  return day <= days;
}

const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
const pad = (n: number, width = 2) => String(n).padStart(width, '0');

export function isoDate(year: number, month: number, day: number): string {
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
}

/** ddMMyyyy (the CCCD QR) → YYYY-MM-DD, or undefined when it is not a real date. */
export function fromDdMmYyyy(text: string): string | undefined {
  const m = /^(\d{2})(\d{2})(\d{4})$/.exec(text);
  if (!m) return undefined;
  const [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return isRealDate(y, mo, d) ? isoDate(y, mo, d) : undefined;
}

/** YYYY-MM-DD (the 1405 QR, typed input) → the same, or undefined when it is not a real date. */
export function fromIsoDate(text: string): string | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return isRealDate(y, mo, d) ? text : undefined;
}
