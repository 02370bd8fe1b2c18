export * from './indonesian-working-calendar.js';
export * from './local-time.js';
export * from './workflow-settings.js';
