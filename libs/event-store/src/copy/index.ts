export { copyEvents, type CopyEventsOptions, type CopyEventsResult } from './copy-events.js';
export { verifyCopy, type CopyVerification, type StreamMismatch } from './verify-copy.js';
