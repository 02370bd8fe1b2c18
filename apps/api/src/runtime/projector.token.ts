/** Injection token for the runtime's read-model projector (a `ProjectorControl`, thread or in-process). */
export const PROJECTOR = Symbol('Projector');
