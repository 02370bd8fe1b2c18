export * from './intake-message.js';
export * from './signature.js';
export * from './whatsapp-payload.js';
