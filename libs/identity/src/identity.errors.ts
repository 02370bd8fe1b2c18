/** A bearer token that cannot be trusted: malformed, expired, wrongly signed or with unknown claims. */
export class InvalidTokenError extends Error {
  readonly code = 'INVALID_TOKEN';
  constructor(message: string) {
    super(message);
    this.name = 'InvalidTokenError';
  }
}
