export * from './caller.js';
export * from './identity.errors.js';
export * from './token-verifier.js';
