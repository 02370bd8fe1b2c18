import { Field } from '@nestjs/graphql';

export const IDEMPOTENCY_KEY_DESCRIPTION =
  'Optional, up to 200 characters, chosen by the client (a UUID is fine). A retry with the same key and the same ' +
  'input answers the first result and changes nothing; the same key with different input is BAD_USER_INPUT ' +
  '(IDEMPOTENCY_KEY_REUSED). Scoped to the caller (the key alone without a token) and the mutation; kept across restarts.';

/** The `idempotencyKey` field every mutation input declares; IdempotencyInterceptor does the rest. */
export const IdempotencyKeyField = (): PropertyDecorator =>
  Field(() => String, { nullable: true, description: IDEMPOTENCY_KEY_DESCRIPTION });
