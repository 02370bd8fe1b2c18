export * from './event-store.contract.js';
export * from './event-store.fixtures.js';
