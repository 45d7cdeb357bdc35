/**
 * Personal data (Decree 13/2023) must never reach a log line. Two nets, because one is not enough:
 * - keys that carry personal data are replaced wherever they sit in a logged object;
 * - digit runs shaped like ID numbers (9-digit CMND, 12-digit CCCD) or phone numbers are masked
 *   inside any string, since a message or an error can quote one.
 */
const PERSONAL_KEYS = new Set([
  'idnumber',
  'oldidnumber',
  'cccd',
  'cmnd',
  'citizenid',
  'personalid',
  'nationalid',
  'fullname',
  'name',
  'givenname',
  'familyname',
  'firstname',
  'lastname',
  'dateofbirth',
  'dob',
  'birthdate',
  'birthday',
  'phone',
  'phonenumber',
  'email',
  'address',
  'permanentaddress',
  'qr',
  'qrpayload',
  'rawqr',
  'authorization',
  'cookie',
  'set-cookie',
  'otp',
  'password',
  'code',
]);

// 9 to 12 digits not glued to other digits: CMND, CCCD, phone numbers (0xxxxxxxxx, 84xxxxxxxxx).
const DIGIT_RUN = /(?<!\d)\d{9,12}(?!\d)/g;
const MAX_DEPTH = 8;
export const REDACTED = '[redacted]';

export function isPersonalKey(key: string): boolean {
  return PERSONAL_KEYS.has(key.toLowerCase().replace(/[_\s]/g, ''));
}

export function maskIdentifiers(text: string): string {
  return text.replace(DIGIT_RUN, (run) => '*'.repeat(run.length));
}

export function redactPersonalData(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return maskIdentifiers(value);
  if (value === null || typeof value !== 'object') return value;
  if (depth >= MAX_DEPTH) return '[too deep]';
  if (Array.isArray(value)) return value.map((item) => redactPersonalData(item, depth + 1));
  if (value instanceof Error) return redactError(value, depth);
  const result: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(value)) {
    result[key] = isPersonalKey(key) ? REDACTED : redactPersonalData(inner, depth + 1);
  }
  return result;
}

function redactError(error: Error, depth: number): Record<string, unknown> {
  const own = redactPersonalData({ ...error }, depth + 1) as Record<string, unknown>;
  return {
    ...own,
    type: error.name,
    message: maskIdentifiers(error.message),
    stack: maskIdentifiers(error.stack ?? ''),
  };
}
