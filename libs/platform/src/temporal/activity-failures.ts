import { ApplicationFailure, Context } from '@temporalio/activity';

/**
 * What retrying an activity's error can do. `deterministic`: the same input fails the same way
 * (data or constraint errors, a refused command, a message breaking its contract), so a retry only
 * repeats it. `transient`: the world may change (a connection, a timeout, a 5xx, a serialization
 * conflict). `unknown`: neither is known; retried a bounded number of times.
 */
export type FailureKind = 'deterministic' | 'transient' | 'unknown';

/** SQLSTATE classes: 22 data exception (NUL in text, a bad date), 23 integrity constraint violation. */
const DETERMINISTIC_SQLSTATE = /^(22|23)[0-9A-Z]{3}$/;
/** 08 connection, 40 serialization/deadlock, 53 resources, 57 operator intervention, 55P03 lock not available. */
const TRANSIENT_SQLSTATE = /^(08|40|53|57)[0-9A-Z]{3}$|^55P03$/;
const TRANSIENT_ERRNO = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_SOCKET',
]);
/** Errors whose name says the input itself is wrong, wherever they come from. */
const DETERMINISTIC_NAMES = new Set(['InvalidMessageError', 'ComplaintError', 'SyntaxError', 'ContractError']);
const TRANSIENT_NAMES = new Set(['TimeoutError', 'AbortError', 'KafkaJSConnectionError', 'KafkaJSRequestTimeoutError']);

/** node-postgres reports a lost or unobtainable connection in words only, without a code. */
const TRANSIENT_MESSAGE =
  /^(Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error)/;

type Described = {
  name?: unknown;
  code?: unknown;
  status?: unknown;
  statusCode?: unknown;
  retriable?: unknown;
  message?: unknown;
};

export function failureKind(error: unknown, depth = 0): FailureKind {
  if (typeof error !== 'object' || error === null || depth > 4) return 'unknown';
  const e = error as Described & { cause?: unknown };
  const code = typeof e.code === 'string' ? e.code : '';
  if (DETERMINISTIC_SQLSTATE.test(code)) return 'deterministic';
  if (TRANSIENT_SQLSTATE.test(code) || TRANSIENT_ERRNO.has(code)) return 'transient';
  const status = Number(e.status ?? e.statusCode);
  if (status >= 500 || status === 408 || status === 429) return 'transient';
  if (status >= 400 && status < 500) return 'deterministic';
  if (typeof e.name === 'string' && DETERMINISTIC_NAMES.has(e.name)) return 'deterministic';
  if (typeof e.name === 'string' && TRANSIENT_NAMES.has(e.name)) return 'transient';
  if (e.retriable === true) return 'transient';
  if (typeof e.message === 'string' && TRANSIENT_MESSAGE.test(e.message)) return 'transient';
  // fetch's "fetch failed" and drivers' wrappers carry what happened as their cause.
  return e.cause !== undefined ? failureKind(e.cause, depth + 1) : 'unknown';
}

/**
 * The failure Temporal records: the error's kind and code, never its message, since drivers quote
 * the values they refused (an ID number in a duplicate key) and the history keeps what it is given.
 * Domain and contract errors say only which rule broke, so their message stays.
 */
function describe(error: unknown): { type: string; message: string } {
  const e = (error ?? {}) as Described;
  const name = typeof e.name === 'string' ? e.name : 'Error';
  const code = typeof e.code === 'string' ? e.code : '';
  const type = code ? `${name}:${code}` : name;
  const keepsMessage = DETERMINISTIC_NAMES.has(name) && name !== 'SyntaxError' && typeof e.message === 'string';
  return { type, message: keepsMessage ? String(e.message) : `${type} (message withheld: it may quote data)` };
}

export interface FailureOptions {
  /** Attempts after which an error of unknown kind is taken as deterministic (default 10). */
  unknownAttempts?: number;
}

/**
 * The error an activity should throw for `error`: non-retryable when retrying cannot help (and for
 * an unknown kind after `unknownAttempts`, so no workflow retries anything for ever), the error
 * itself otherwise. ApplicationFailures pass as thrown: their author decided.
 */
export function classifiedFailure(error: unknown, attempt: number, options: FailureOptions = {}): unknown {
  if (error instanceof ApplicationFailure) return error;
  const kind = failureKind(error);
  if (kind === 'transient') return error;
  if (kind === 'unknown' && attempt < (options.unknownAttempts ?? 10)) return error;
  const { type, message } = describe(error);
  return ApplicationFailure.create({
    type: `${kind === 'unknown' ? 'Unclassified' : 'Deterministic'}:${type}`,
    message,
    nonRetryable: true,
  });
}

type ActivityFunctions = Record<string, (...args: never[]) => Promise<unknown>>;

/** Wraps each activity so its errors are classified (see `classifiedFailure`) before Temporal sees them. */
export function withClassifiedFailures<T extends ActivityFunctions>(activities: T, options: FailureOptions = {}): T {
  const wrapped: Record<string, unknown> = {};
  for (const [name, run] of Object.entries(activities))
    wrapped[name] = async (...args: never[]) => {
      try {
        return await run(...args);
      } catch (error) {
        throw classifiedFailure(error, Context.current().info.attempt, options);
      }
    };
  return wrapped as T;
}
