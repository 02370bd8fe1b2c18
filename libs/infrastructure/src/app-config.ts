import { parseIsoDuration, type IsoDuration } from '#aduan/complaints';
import type { DatabaseTimeouts } from '#aduan/postgres';
import { loadApiSettings, loadDatabaseTimeouts, type ApiSettings } from './api-settings.js';
import { ConfigError } from './config-error.js';
import { parseFaultInjection, type FaultInjectionPlan } from './fault-injection.js';
import { DEVELOPMENT_KEY_ENCRYPTION_KEY, KeyEncryptionKey, KeyEncryptionKeyFormatError } from '#aduan/reporter-vault';
import { loadWorkflowSettings, WorkflowSettingsError, type WorkflowSettings } from '#aduan/workflow';

/** The development signing key: fine on a laptop, refused where NODE_ENV=production. */
export const DEVELOPMENT_JWT_SECRET = 'aduan-development-secret-change-me';

/** HS256 keys shorter than the hash (256 bits) weaken it (RFC 7518 §3.2); production refuses them. */
export const MIN_PRODUCTION_JWT_SECRET_LENGTH = 32;

export type EventStoreKind = 'postgres' | 'kurrentdb';

/**
 * Where the API runs its read-model projector: in a worker thread of its own (the default, so
 * requests and projection do not wait for each other's turns of one event loop), or in the API's
 * own event loop.
 */
export type ProjectorMode = 'thread' | 'in-process';

export interface AppConfig {
  readonly port: number;
  readonly host: string;
  /** PostgreSQL for events (when EVENT_STORE=postgres) and read models; unset means the embedded server. */
  readonly databaseUrl: string | null;
  readonly dataDir: string;
  readonly embeddedPostgresPort: number;
  readonly eventStore: EventStoreKind;
  readonly kurrentDbConnectionString: string | null;
  readonly jwtSecret: string;
  /**
   * Wraps every reporter's data key (REPORTER_KEY_ENCRYPTION_KEY): without it the key table, a dump or
   * a backup opens no contact. Its bytes never show in JSON or logs.
   */
  readonly reporterKeyEncryptionKey: KeyEncryptionKey;
  readonly responseDeadline: IsoDuration;
  /** How often the API publishes the streams' head hashes (tamper evidence); null when ANCHOR_INTERVAL=off. */
  readonly anchorInterval: IsoDuration | null;
  readonly production: boolean;
  /** Bounds on every PostgreSQL pool the API opens (DATABASE_CONNECT_TIMEOUT_MS, DATABASE_STATEMENT_TIMEOUT_MS). */
  readonly databaseTimeouts: DatabaseTimeouts;
  /** Limits and protections of the HTTP/GraphQL boundary. */
  readonly api: ApiSettings;
  /** Where the projector runs (PROJECTOR_MODE). */
  readonly projectorMode: ProjectorMode;
  /** Test-only crash point (ADUAN_FAULT_INJECT); null, and so inert, unless set. */
  readonly faultInjection: FaultInjectionPlan | null;
  /** The SP4N-LAPOR! workflow: deadlines, their calendar and scan, intake webhooks (docs/workflow.md). */
  readonly workflow: WorkflowSettings;
}

/** Reads and checks every setting once, at start: a bad value stops the process with a clear message. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const eventStore = (env.EVENT_STORE ?? 'postgres') as EventStoreKind;
  if (eventStore !== 'postgres' && eventStore !== 'kurrentdb') {
    throw new ConfigError(`EVENT_STORE must be postgres or kurrentdb, not "${env.EVENT_STORE}"`);
  }
  const kurrentDbConnectionString = nonEmpty(env.KURRENTDB_CONNECTION_STRING);
  if (eventStore === 'kurrentdb' && !kurrentDbConnectionString) {
    throw new ConfigError(
      'EVENT_STORE=kurrentdb needs KURRENTDB_CONNECTION_STRING (e.g. kurrentdb://localhost:2113?tls=false)',
    );
  }
  const production = env.NODE_ENV === 'production';
  const jwtSecret = nonEmpty(env.JWT_SECRET) ?? DEVELOPMENT_JWT_SECRET;
  if (production && jwtSecret === DEVELOPMENT_JWT_SECRET) {
    throw new ConfigError('NODE_ENV=production needs JWT_SECRET: the development secret is public');
  }
  if (production && jwtSecret.length < MIN_PRODUCTION_JWT_SECRET_LENGTH) {
    throw new ConfigError(
      `NODE_ENV=production needs a JWT_SECRET of at least ${MIN_PRODUCTION_JWT_SECRET_LENGTH} characters (e.g. openssl rand -hex 32)`,
    );
  }
  const reporterKeyEncryptionKey = keyEncryptionKey(env.REPORTER_KEY_ENCRYPTION_KEY, production);
  let responseDeadline: IsoDuration;
  try {
    responseDeadline = parseIsoDuration(env.RESPONSE_DEADLINE ?? 'P14D', 'RESPONSE_DEADLINE');
  } catch (error) {
    throw new ConfigError((error as Error).message);
  }
  const projectorMode = (nonEmpty(env.PROJECTOR_MODE) ?? 'thread') as ProjectorMode;
  if (projectorMode !== 'thread' && projectorMode !== 'in-process') {
    throw new ConfigError(`PROJECTOR_MODE must be thread or in-process, not "${env.PROJECTOR_MODE}"`);
  }
  const faultInjection = parseFaultInjection(env.ADUAN_FAULT_INJECT, production);
  if (faultInjection?.effect === 'end-thread' && projectorMode !== 'thread') {
    throw new ConfigError(`ADUAN_FAULT_INJECT=${env.ADUAN_FAULT_INJECT?.trim()} needs PROJECTOR_MODE=thread`);
  }
  const anchorInterval =
    env.ANCHOR_INTERVAL === 'off' ? null : duration('ANCHOR_INTERVAL', env.ANCHOR_INTERVAL ?? 'PT1H');
  return {
    port: portNumber('PORT', env.PORT, 3000),
    host: env.HOST ?? '0.0.0.0',
    databaseUrl: nonEmpty(env.DATABASE_URL),
    dataDir: nonEmpty(env.ADUAN_DATA_DIR) ?? '.data',
    embeddedPostgresPort: portNumber('EMBEDDED_PG_PORT', env.EMBEDDED_PG_PORT, 54329),
    eventStore,
    kurrentDbConnectionString,
    jwtSecret,
    reporterKeyEncryptionKey,
    responseDeadline,
    anchorInterval,
    production,
    databaseTimeouts: loadDatabaseTimeouts(env),
    api: loadApiSettings(env, production),
    projectorMode,
    faultInjection,
    workflow: workflowSettings(env),
  };
}

function keyEncryptionKey(value: string | undefined, production: boolean): KeyEncryptionKey {
  const text = nonEmpty(value) ?? DEVELOPMENT_KEY_ENCRYPTION_KEY;
  if (production && text === DEVELOPMENT_KEY_ENCRYPTION_KEY) {
    throw new ConfigError(
      'NODE_ENV=production needs REPORTER_KEY_ENCRYPTION_KEY (32 bytes, e.g. openssl rand -hex 32): the development key is public',
    );
  }
  try {
    return KeyEncryptionKey.parse(text);
  } catch (error) {
    if (error instanceof KeyEncryptionKeyFormatError) throw new ConfigError(error.message);
    throw error;
  }
}

function workflowSettings(env: NodeJS.ProcessEnv): WorkflowSettings {
  try {
    return loadWorkflowSettings(env);
  } catch (error) {
    if (error instanceof WorkflowSettingsError) throw new ConfigError(error.message);
    throw error;
  }
}

function duration(name: string, value: string): IsoDuration {
  try {
    return parseIsoDuration(value, name);
  } catch (error) {
    throw new ConfigError((error as Error).message);
  }
}

function nonEmpty(value: string | undefined): string | null {
  return value && value.trim() !== '' ? value.trim() : null;
}

function portNumber(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined || value === '') return fallback;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new ConfigError(`${name} must be a port number, not "${value}"`);
  return port;
}
