export * from './agency.js';
export * from './agency-directory.js';
export * from './load-agencies.js';
