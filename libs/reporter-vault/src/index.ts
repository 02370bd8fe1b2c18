export * from './contact-sealing.js';
export * from './key-encryption-key.js';
export * from './key-vault.port.js';
export * from './postgres/postgres-key-vault.js';
export * from './postgres/postgres-key-vault.schema.js';
export * from './reporter-identities.js';
export * from './vault.errors.js';
