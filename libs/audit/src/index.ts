export * from './anchors.js';
export * from './event-hash.js';
export * from './hash-chaining-event-store.js';
export * from './verify-chain.js';
export * from './verify-store.js';
