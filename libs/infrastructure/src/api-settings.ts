import type { DatabaseTimeouts } from '#aduan/postgres';
import { ConfigError } from './config-error.js';

/** Limits and protections of the HTTP/GraphQL boundary; every value comes from the environment. */
export interface ApiSettings {
  /** Largest request body accepted; larger ones answer HTTP 413 (BODY_LIMIT_BYTES). */
  readonly bodyLimitBytes: number;
  /** A GraphQL operation still running after this long answers SERVICE_UNAVAILABLE (REQUEST_TIMEOUT_MS). */
  readonly requestTimeoutMs: number;
  /** Deepest field nesting an operation may select (GRAPHQL_MAX_DEPTH). */
  readonly maxQueryDepth: number;
  /** Highest estimated cost of an operation: fields × page sizes (GRAPHQL_MAX_COMPLEXITY). */
  readonly maxQueryComplexity: number;
  /** Schema introspection and the GraphiQL page (GRAPHQL_INTROSPECTION; on unless NODE_ENV=production). */
  readonly graphqlIntrospection: boolean;
  /** Fastify's trustProxy: whose X-Forwarded-For to believe when keying rate limits by address (TRUST_PROXY). */
  readonly trustProxy: boolean | number | string[];
  readonly rateLimits: RateLimitSettings;
  /** How long a SIGTERM may take before the process gives up waiting and exits 1 (SHUTDOWN_TIMEOUT_MS). */
  readonly shutdownTimeoutMs: number;
}

/** Token buckets refilled over a minute; 0 turns a limit off. */
export interface RateLimitSettings {
  /** Complaints submitted without a token, per client address (RATE_LIMIT_ANONYMOUS_SUBMITS_PER_MINUTE). */
  readonly anonymousSubmitsPerMinute: number;
  /** Requests per token subject, whatever they ask (RATE_LIMIT_TOKEN_REQUESTS_PER_MINUTE). */
  readonly tokenRequestsPerMinute: number;
}

export function loadDatabaseTimeouts(
  env: NodeJS.ProcessEnv,
): Required<Omit<DatabaseTimeouts, 'idleInTransactionTimeoutMs'>> {
  return {
    connectTimeoutMs: integer(env, 'DATABASE_CONNECT_TIMEOUT_MS', 5_000, 1),
    statementTimeoutMs: integer(env, 'DATABASE_STATEMENT_TIMEOUT_MS', 10_000, 0),
  };
}

export function loadApiSettings(env: NodeJS.ProcessEnv, production: boolean): ApiSettings {
  return {
    bodyLimitBytes: integer(env, 'BODY_LIMIT_BYTES', 1024 * 1024, 1024),
    requestTimeoutMs: integer(env, 'REQUEST_TIMEOUT_MS', 15_000, 1),
    maxQueryDepth: integer(env, 'GRAPHQL_MAX_DEPTH', 10, 1),
    maxQueryComplexity: integer(env, 'GRAPHQL_MAX_COMPLEXITY', 5_000, 1),
    graphqlIntrospection: flag(env, 'GRAPHQL_INTROSPECTION', !production),
    trustProxy: trustProxy(env.TRUST_PROXY),
    rateLimits: {
      anonymousSubmitsPerMinute: integer(env, 'RATE_LIMIT_ANONYMOUS_SUBMITS_PER_MINUTE', 20, 0),
      tokenRequestsPerMinute: integer(env, 'RATE_LIMIT_TOKEN_REQUESTS_PER_MINUTE', 600, 0),
    },
    shutdownTimeoutMs: integer(env, 'SHUTDOWN_TIMEOUT_MS', 30_000, 1),
  };
}

function integer(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number): number {
  const value = env[name]?.trim();
  if (value === undefined || value === '') return fallback;
  const parsed = Number(value);
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(parsed) || parsed < min) {
    throw new ConfigError(`${name} must be a whole number of at least ${min}, not "${value}"`);
  }
  return parsed;
}

function flag(env: NodeJS.ProcessEnv, name: string, fallback: boolean): boolean {
  const value = env[name]?.trim().toLowerCase();
  if (value === undefined || value === '') return fallback;
  if (value === 'true' || value === '1') return true;
  if (value === 'false' || value === '0') return false;
  throw new ConfigError(`${name} must be true or false, not "${env[name]}"`);
}

function trustProxy(value: string | undefined): boolean | number | string[] {
  const trimmed = value?.trim();
  if (!trimmed || trimmed === 'false') return false;
  if (trimmed === 'true') return true;
  if (/^\d+$/.test(trimmed)) return Number(trimmed);
  return trimmed.split(',').map((address) => address.trim());
}
