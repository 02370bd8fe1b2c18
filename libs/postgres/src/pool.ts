import pg from 'pg';

export type Pool = pg.Pool;
export type PoolClient = pg.PoolClient;

// int8 columns (positions, revisions) come back as strings by default; they stay
// far below 2^53 for this system's lifetime, so numbers are safe and simpler.
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number(value));

/** Bounds on waiting for PostgreSQL, so a lost or stuck server turns into errors rather than hangs. */
export interface DatabaseTimeouts {
  /** Opening a connection, and waiting for a free one in the pool (default 10 s). */
  readonly connectTimeoutMs?: number;
  /**
   * Server-side limit on one statement (PostgreSQL's statement_timeout). When set, the client also
   * gives up on a server that stops answering altogether, shortly after (pg's query_timeout).
   */
  readonly statementTimeoutMs?: number;
  /** A session left idle inside a transaction is ended by the server (default 60 s when a statement timeout is set). */
  readonly idleInTransactionTimeoutMs?: number;
}

export interface PoolOptions extends DatabaseTimeouts {
  connectionString: string;
  max?: number;
  applicationName?: string;
  /** Called for errors on idle clients (e.g. the server went away); without it they crash the process. */
  onError?: (error: Error) => void;
}

/** How long the client waits beyond the server's statement_timeout before it gives up on the server. */
export const CLIENT_TIMEOUT_MARGIN_MS = 5_000;

export function createPool(options: PoolOptions): Pool {
  const pool = new pg.Pool({
    connectionString: options.connectionString,
    max: options.max ?? 10,
    application_name: options.applicationName ?? 'aduan',
    connectionTimeoutMillis: options.connectTimeoutMs ?? 10_000,
    keepAlive: true,
    ...sessionTimeouts(options),
  });
  pool.on('error', (error) => options.onError?.(error));
  return pool;
}

/**
 * The same bounds as connection-string parameters, for pools built by other libraries (TypeORM):
 * pg reads statement_timeout, idle_in_transaction_session_timeout and query_timeout from the URL.
 */
export function withDatabaseTimeouts(connectionString: string, timeouts: DatabaseTimeouts): string {
  const url = new URL(connectionString);
  for (const [name, value] of Object.entries(sessionTimeouts(timeouts))) url.searchParams.set(name, String(value));
  return url.toString();
}

function sessionTimeouts({ statementTimeoutMs, idleInTransactionTimeoutMs }: DatabaseTimeouts) {
  if (!statementTimeoutMs) return {};
  return {
    statement_timeout: statementTimeoutMs,
    query_timeout: statementTimeoutMs + CLIENT_TIMEOUT_MARGIN_MS,
    idle_in_transaction_session_timeout: idleInTransactionTimeoutMs ?? Math.max(60_000, statementTimeoutMs * 2),
  };
}
