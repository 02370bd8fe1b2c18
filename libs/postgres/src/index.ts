export * from './database-errors.js';
export * from './embedded-postgres.js';
export * from './free-port.js';
export * from './pool.js';
export * from './safe-error-log.js';
export * from './test-database.js';
