import { setTimeout as sleep } from 'node:timers/promises';
import { Inject, Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { GqlExecutionContext, type GqlContextType } from '@nestjs/graphql';
import { AgencyDirectory } from '#aduan/agencies';
import type { AppConfig } from '#aduan/infrastructure';
import type { GraphQLResolveInfo } from 'graphql';
import { from, lastValueFrom, type Observable } from 'rxjs';
import { APP_CONFIG } from '../config/app-config.token.js';
import { ComplaintRepository } from '../complaints/complaint.repository.js';
import { toComplaintModel } from '../complaints/complaint-view.js';
import { apiError, badUserInput } from '../graphql/api-errors.js';
import type { GraphQLContext } from '../graphql/graphql-context.js';
import { hashInput, sameInput } from './canonical-input.js';
import { IdempotencyKeys, seal, unseal, type KeyScope, type RecordedResult } from './idempotency-keys.js';

export const MAX_IDEMPOTENCY_KEY_LENGTH = 200;
const POLL_MS = 25;

/**
 * Makes every mutation that takes an `idempotencyKey` (in its `input`, or as an argument) safe to
 * retry: the first request with a key claims it and runs; a retry with the same input answers the
 * first result and writes nothing; the same key with another input is BAD_USER_INPUT
 * (IDEMPOTENCY_KEY_REUSED). A request arriving while the first still runs waits for its result. A
 * mutation that fails releases its key. Keys are scoped by caller (token subject; the key alone
 * without a token) and mutation, and kept in PostgreSQL (`idempotency_keys`), so they survive restarts.
 *
 * A new mutation gets this by declaring the field: nothing else to wire.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  private readonly waitMs: number;
  private readonly inputKey: Buffer;

  constructor(
    private readonly keys: IdempotencyKeys,
    private readonly complaints: ComplaintRepository,
    @Inject(AgencyDirectory) private readonly agencies: AgencyDirectory,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.waitMs = config.api.requestTimeoutMs;
    this.inputKey = config.reporterKeyEncryptionKey.derive('idempotency-input');
  }

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType<GqlContextType>() !== 'graphql') return next.handle();
    const gql = GqlExecutionContext.create(context);
    const info = gql.getInfo<GraphQLResolveInfo>();
    if (info.parentType.name !== 'Mutation' || info.path.prev !== undefined) return next.handle();
    const args = gql.getArgs<Record<string, unknown>>();
    const key = idempotencyKeyOf(args);
    if (key === null) return next.handle();
    const request = gql.getContext<GraphQLContext>();
    // An untrusted token answers UNAUTHENTICATED from the resolver, before anything is claimed.
    if (request.authFailure) return next.handle();
    const scope: KeyScope = {
      caller: request.caller.role === 'public' ? '' : request.caller.id,
      mutation: info.fieldName,
      key,
    };
    return from(this.run(scope, args, next));
  }

  private async run(scope: KeyScope, args: Record<string, unknown>, next: CallHandler): Promise<unknown> {
    const inputHash = hashInput(args, this.inputKey);
    const deadline = Date.now() + this.waitMs;
    for (;;) {
      const claim = await this.keys.claim(scope, inputHash);
      if (claim.outcome === 'claimed') return this.execute(scope, claim.claimId, next);
      if (!sameInput(claim.inputHash, args, this.inputKey)) {
        throw badUserInput(`This idempotency key was already used for ${scope.mutation} with different input`, {
          field: 'idempotencyKey',
          reason: 'IDEMPOTENCY_KEY_REUSED',
        });
      }
      if (claim.outcome === 'done') return this.replay(scope, claim.result);
      if (Date.now() >= deadline) {
        throw apiError('CONFLICT', 'A request with this idempotency key is still running; retry shortly', {
          reason: 'IDEMPOTENCY_KEY_IN_USE',
        });
      }
      await sleep(POLL_MS);
    }
  }

  private async execute(scope: KeyScope, claimId: string, next: CallHandler): Promise<unknown> {
    let result: unknown;
    try {
      result = await lastValueFrom(next.handle());
    } catch (error) {
      await this.keys.release(scope, claimId).catch(() => undefined);
      throw error;
    }
    await this.keys.complete(scope, claimId, recordOf(scope, result));
    return result;
  }

  private async replay(scope: KeyScope, result: RecordedResult): Promise<unknown> {
    if (result.kind === 'value') return result.value;
    const loaded = await this.complaints.loadAt(result.complaintId, result.version);
    if (!loaded || loaded.state.status === 'NONE')
      throw new Error(`Idempotent replay: complaint ${result.complaintId} has no version ${result.version}`);
    return {
      ...toComplaintModel({ state: loaded.state, version: result.version }, this.agencies),
      reporterAccess: result.reporterAccess,
      accessKey: result.sealedAccessKey === null ? null : unseal(scope, result.sealedAccessKey),
    };
  }
}

function idempotencyKeyOf(args: Record<string, unknown>): string | null {
  const input = args['input'];
  const key =
    args['idempotencyKey'] ??
    (typeof input === 'object' && input !== null ? (input as Record<string, unknown>)['idempotencyKey'] : undefined);
  if (key === null || key === undefined) return null;
  if (typeof key !== 'string' || key.length === 0 || key.length > MAX_IDEMPOTENCY_KEY_LENGTH) {
    throw badUserInput(`idempotencyKey must be 1–${MAX_IDEMPOTENCY_KEY_LENGTH} characters`, {
      field: 'idempotencyKey',
    });
  }
  return key;
}

/** A complaint is recorded by reference (id and the version the mutation produced); anything else by value. */
function recordOf(scope: KeyScope, result: unknown): RecordedResult {
  if (typeof result === 'object' && result !== null && 'complaint' in result) {
    const model = result as unknown as {
      id: string;
      version: number;
      reporterAccess?: boolean;
      accessKey?: string | null;
    };
    return {
      kind: 'complaint',
      complaintId: model.id,
      version: model.version,
      reporterAccess: model.reporterAccess ?? false,
      sealedAccessKey: model.accessKey ? seal(scope, model.accessKey) : null,
    };
  }
  return { kind: 'value', value: result ?? null };
}
