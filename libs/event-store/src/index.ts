export * from './event-store.port.js';
export * from './event-store.errors.js';
export { isStart, toCheckpoint } from './checkpoint.js';
export { validateAppend } from './validation.js';
export { InMemoryEventStore } from './in-memory/in-memory-event-store.js';
export {
  PostgresEventStore,
  type ConnectPostgresEventStoreOptions,
  type PostgresEventStoreOptions,
} from './postgres/postgres-event-store.js';
export { migrateEventStore } from './postgres/postgres-event-store.schema.js';
export {
  decodePostgresCheckpoint,
  encodePostgresCheckpoint,
  type PostgresCheckpoint,
} from './postgres/postgres-checkpoint.js';
export type { RetryPolicy } from './subscription/polling-subscription.js';
export * from './copy/index.js';
export { canonicalJson } from './copy/canonical-json.js';
