/**
 * Why PostgreSQL could not serve a request, when the reason is the server's state rather than the
 * request: it is unreachable or going away, out of connections, or took longer than allowed.
 */
export type DatabaseUnavailability = 'unreachable' | 'timeout';

// SQLSTATE classes and codes: 08 connection exception, 53 insufficient resources (too many
// connections…), 57P0x the server is shutting down or starting, 57014 a cancelled statement (timeout).
const UNREACHABLE_SQLSTATE = /^(08|53|57P0[1-4]|58)/;
const TIMEOUT_SQLSTATE = new Set(['57014', '55P03', '25P03']);
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);
// pg's own messages when there is no server answer to carry a SQLSTATE.
const UNREACHABLE_MESSAGES =
  /^(Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|Connection terminated due to connection timeout)/;
const TIMEOUT_MESSAGES = /^Query read timeout/;

/**
 * Classifies an error (or what it wraps: `cause`, TypeORM's `driverError`, an AggregateError's
 * `errors`, graphql-js's `originalError` and `thrownValue`) as the database being unavailable, or
 * answers null for any other failure. Duck-typed: errors from another realm (a VM context) count too.
 */
export function databaseUnavailability(error: unknown): DatabaseUnavailability | null {
  const seen = new Set<unknown>();
  const queue: unknown[] = [error];
  while (queue.length > 0) {
    const current = queue.shift();
    if (!current || typeof current !== 'object' || seen.has(current)) continue;
    seen.add(current);
    const { code, message, cause, driverError, errors, originalError, thrownValue } = current as {
      code?: unknown;
      message?: unknown;
      cause?: unknown;
      driverError?: unknown;
      errors?: unknown;
      originalError?: unknown;
      thrownValue?: unknown;
    };
    if (typeof code === 'string') {
      if (TIMEOUT_SQLSTATE.has(code)) return 'timeout';
      if (UNREACHABLE_SQLSTATE.test(code) || NETWORK_CODES.has(code)) return 'unreachable';
    }
    if (typeof message === 'string') {
      if (TIMEOUT_MESSAGES.test(message)) return 'timeout';
      if (UNREACHABLE_MESSAGES.test(message)) return 'unreachable';
    }
    queue.push(cause, driverError, originalError, thrownValue, ...(Array.isArray(errors) ? errors : []));
  }
  return null;
}
