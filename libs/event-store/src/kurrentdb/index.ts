export { createKurrentDbEventStore } from './create-kurrentdb-event-store.js';
export { KurrentDbEventStore, type KurrentDbClient, type KurrentDbEventStoreOptions } from './kurrentdb-event-store.js';
export { ADUAN_STREAM_PREFIXES } from './stream-filter.js';
