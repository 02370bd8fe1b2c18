export * from './app-config.js';
export * from './database.js';
export * from './event-store.factory.js';
export * from './logger.js';
export * from './read-model-projector.js';
