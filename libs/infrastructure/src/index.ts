export * from './api-settings.js';
export * from './app-config.js';
export * from './config-error.js';
export * from './database.js';
export * from './event-store.factory.js';
export * from './fault-injection.js';
export * from './logger.js';
export * from './read-model-projector.js';
