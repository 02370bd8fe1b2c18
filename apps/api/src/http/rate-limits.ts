import type { TokenVerifier } from '#aduan/identity';
import type { RateLimitSettings } from '#aduan/infrastructure';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Kind, parse, type DocumentNode, type SelectionSetNode } from 'graphql';
import { errorBody } from '../graphql/api-errors.js';
import { identifyCaller } from '../graphql/graphql-context.js';
import { TokenBuckets } from './token-buckets.js';

/**
 * Two limits, checked before GraphQL runs, each answering HTTP 429 with a Retry-After header and a
 * GraphQL-shaped body (`errors[0].extensions.code` TOO_MANY_REQUESTS):
 * - complaints submitted without a token, per client address (each submitComplaint field counts);
 * - every request that carries a token, per token subject (an untrusted token counts against its address).
 */
export function registerRateLimits(
  fastify: FastifyInstance,
  options: { readonly settings: RateLimitSettings; readonly verifier: TokenVerifier; readonly graphqlPath: string },
): void {
  const { anonymousSubmitsPerMinute, tokenRequestsPerMinute } = options.settings;
  const submits = anonymousSubmitsPerMinute > 0 ? new TokenBuckets(anonymousSubmitsPerMinute) : null;
  const callers = tokenRequestsPerMinute > 0 ? new TokenBuckets(tokenRequestsPerMinute) : null;
  if (!submits && !callers) return;

  fastify.addHook('preHandler', async (request, reply) => {
    const { caller, authFailure } = await identifyCaller(request, options.verifier);
    if (authFailure !== null || caller.role !== 'public') {
      if (!callers) return;
      const key = authFailure === null ? `subject:${caller.id}` : `untrusted-token:${request.ip}`;
      const verdict = callers.take(key);
      if (!verdict.allowed) {
        return refuse(reply, verdict.retryAfterSeconds, 'TOKEN_RATE_LIMIT', {
          message: `More than ${callers.perMinute} requests a minute for this token; retry in ${verdict.retryAfterSeconds} s`,
          limitPerMinute: callers.perMinute,
        });
      }
      return;
    }
    if (!submits || request.method !== 'POST' || request.url.split('?')[0] !== options.graphqlPath) return;
    const count = countSubmits(request.body);
    if (count === 0) return;
    const verdict = submits.take(`address:${request.ip}`, count);
    if (!verdict.allowed) {
      return refuse(reply, verdict.retryAfterSeconds, 'ANONYMOUS_SUBMIT_RATE_LIMIT', {
        message:
          count > submits.perMinute
            ? `One request may submit at most ${submits.perMinute} complaints without a token, not ${count}`
            : `More than ${submits.perMinute} complaints a minute from this address without a token; ` +
              `retry in ${verdict.retryAfterSeconds} s, or sign in`,
        limitPerMinute: submits.perMinute,
      });
    }
  });
}

function refuse(
  reply: FastifyReply,
  retryAfterSeconds: number,
  reason: string,
  { message, limitPerMinute }: { message: string; limitPerMinute: number },
): FastifyReply {
  return reply
    .code(429)
    .header('retry-after', String(retryAfterSeconds))
    .send(errorBody('TOO_MANY_REQUESTS', message, { reason, limitPerMinute, retryAfterSeconds }));
}

const SUBMIT_FIELD = 'submitComplaint';

/**
 * How many complaints a GraphQL request body would submit: submitComplaint fields at the root of
 * the mutation it runs, aliases and fragments included. A body GraphQL would refuse counts 0.
 */
export function countSubmits(body: FastifyRequest['body']): number {
  if (Array.isArray(body)) return body.reduce<number>((sum, item) => sum + countSubmits(item), 0);
  if (!body || typeof body !== 'object') return 0;
  const { query, operationName } = body as { query?: unknown; operationName?: unknown };
  if (typeof query !== 'string' || !query.includes(SUBMIT_FIELD)) return 0;
  let document: DocumentNode;
  try {
    document = parse(query, { noLocation: true, maxTokens: 10_000 });
  } catch {
    return 0;
  }
  const operations = document.definitions.filter((d) => d.kind === Kind.OPERATION_DEFINITION);
  const operation =
    typeof operationName === 'string' && operationName !== ''
      ? operations.find((o) => o.name?.value === operationName)
      : operations.length === 1
        ? operations[0]
        : undefined;
  if (!operation || operation.operation !== 'mutation') return 0;
  const fragments = new Map(
    document.definitions.filter((d) => d.kind === Kind.FRAGMENT_DEFINITION).map((f) => [f.name.value, f]),
  );
  // Each fragment counted once (memoised), so fragments spread in fragments cannot multiply the work;
  // a cycle (which validation refuses anyway) counts 0.
  const counted = new Map<string, number>();
  const count = (selectionSet: SelectionSetNode): number =>
    selectionSet.selections.reduce((sum, selection) => {
      if (selection.kind === Kind.FIELD) return sum + (selection.name.value === SUBMIT_FIELD ? 1 : 0);
      if (selection.kind === Kind.INLINE_FRAGMENT) return sum + count(selection.selectionSet);
      const name = selection.name.value;
      const fragment = fragments.get(name);
      if (!fragment) return sum;
      if (!counted.has(name)) {
        counted.set(name, 0);
        counted.set(name, count(fragment.selectionSet));
      }
      return sum + (counted.get(name) ?? 0);
    }, 0);
  return count(operation.selectionSet);
}
