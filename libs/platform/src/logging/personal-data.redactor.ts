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

/**
 * Fields in which a database driver quotes the data of a failed statement (PostgreSQL's DETAIL
 * "Key (id_number)=(…)" or "Failing row contains (…)", its WHERE and HINT, bound parameters): never logged.
 */
const QUOTING_ERROR_FIELDS = new Set(['detail', 'where', 'hint', 'internalquery', 'query', 'parameters', 'values']);
// Error messages quote a failed value ('invalid input syntax for type date: "Lò Văn"'), often cut
// short, so the usual nets miss it: quoted text and shorter digit runs go too.
const QUOTED = /"[^"]*"|'[^']*'|\([^)]*\)/g;
const ERROR_CODE = /^([0-9A-Z]{5}|E[A-Z_]+|[A-Z][A-Z_]+)$/;
const SHORT_DIGIT_RUN = /(?<!\d)\d{5,12}(?!\d)/g;

function maskErrorMessage(text: string): string {
  return maskIdentifiers(text)
    .replace(QUOTED, (quoted) => `${quoted[0]}${REDACTED}${quoted[quoted.length - 1]}`)
    .replace(SHORT_DIGIT_RUN, (run) => '*'.repeat(run.length));
}

function redactError(error: Error, depth: number): Record<string, unknown> {
  const fields = Object.entries({ ...error }).filter(([key]) => !QUOTING_ERROR_FIELDS.has(key.toLowerCase()));
  const own = redactPersonalData(Object.fromEntries(fields), depth + 1) as Record<string, unknown>;
  const code = (error as { code?: unknown }).code;
  return {
    ...own,
    // An error's code is its kind (SQLSTATE 23505, ECONNREFUSED), which an operator needs; a six-digit
    // one-time code, also called "code", never has this shape.
    ...(typeof code === 'string' && ERROR_CODE.test(code) ? { code } : {}),
    type: error.name,
    message: maskErrorMessage(error.message),
    // The stack repeats the message on its first line; its frames' file positions stay readable.
    stack: maskIdentifiers((error.stack ?? '').replace(error.message, maskErrorMessage(error.message))),
  };
}
