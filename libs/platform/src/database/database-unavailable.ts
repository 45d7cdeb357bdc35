/**
 * Whether an error means "the database is not answering now" rather than "this request is wrong":
 * the server restarting or refusing connections, a connection cut, no pooled connection free in
 * time. Such a request may succeed a moment later unchanged, so it is answered 503 with Retry-After,
 * not 500.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (let e = error, depth = 0; e instanceof Error && depth < 5; e = e.cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && (UNAVAILABLE_CODES.has(code) || code.startsWith('08'))) return true;
    if (UNAVAILABLE_MESSAGES.some((pattern) => pattern.test(e.message))) return true;
  }
  return false;
}

// SQLSTATE class 08 (connection exceptions) above; the server shutting down or not admitting
// connections; Node's socket errors.
const UNAVAILABLE_CODES = new Set([
  '57P01',
  '57P02',
  '57P03',
  '53300',
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
]);

// pg and pg-pool report some losses by message only.
const UNAVAILABLE_MESSAGES = [
  /^timeout exceeded when trying to connect$/,
  /^Connection terminated/,
  /is not currently accepting connections$/,
  /^Client has encountered a connection error and is not queryable$/,
];
