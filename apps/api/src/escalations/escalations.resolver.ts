import { Inject } from '@nestjs/common';
import { Args, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { AgencyDirectory } from '#aduan/agencies';
import { EscalationQueries, MAX_PENDING_ESCALATIONS, type EscalationRecord } from '#aduan/projections';
import { AgencyTree } from '../agencies/agency-tree.js';
import { badUserInput, forbidden, unauthenticated } from '../graphql/api-errors.js';
import { pageSize } from '../graphql/arguments.js';
import type { GraphQLContext } from '../graphql/graphql-context.js';
import { RequestContext } from '../graphql/request-context.decorator.js';
import { CLOCK, type Clock } from '../runtime/clock.js';
import { EscalationConnectionModel, EscalationModel } from './escalation.model.js';
import { ombudsmanOfficeOf, type OmbudsmanOffice } from './ombudsman-office.js';
import { IDEMPOTENCY_KEY_DESCRIPTION } from '../idempotency/idempotency-key.field.js';

const READERS = new Set(['ombudsman', 'auditor', 'operator']);

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const toModel = (node: EscalationRecord): EscalationModel => ({
  id: node.eventId,
  complaintId: node.complaintId,
  reason: node.reason,
  source: node.source as EscalationModel['source'],
  escalatedAt: node.escalatedAt,
  agencyCode: node.agencyCode,
});

@Resolver(() => EscalationModel)
export class EscalationsResolver {
  constructor(
    private readonly queries: EscalationQueries,
    @Inject(AgencyDirectory) private readonly directory: AgencyDirectory,
    @Inject(AgencyTree) private readonly tree: AgencyTree,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Query(() => EscalationConnectionModel, { description: "The Ombudsman's feed (ombudsman, auditor, operator)." })
  async escalations(
    @RequestContext() request: GraphQLContext,
    @Args('after', { type: () => String, nullable: true }) after?: string | null,
    @Args('first', { type: () => Int, nullable: true, description: '1–100, default 20.' }) first?: number | null,
  ): Promise<EscalationConnectionModel> {
    if (request.caller.role === 'public') throw unauthenticated();
    if (!READERS.has(request.caller.role))
      throw forbidden('Only the Ombudsman, auditors and operators read escalations');
    const page = await this.queries.list(pageSize(first), after);
    return {
      edges: page.items.map(({ node, cursor }) => ({ node: toModel(node), cursor })),
      pageInfo: { hasNextPage: page.hasNextPage, endCursor: page.endCursor },
    };
  }

  @Query(() => [EscalationModel], {
    description:
      `Escalations the caller's Ombudsman office has not acknowledged yet, oldest first, at most ${MAX_PENDING_ESCALATIONS} ` +
      '(acknowledge them, then ask again for more). A regional office sees those whose agency lies in its ' +
      'province; OMBUDSMAN-RI sees all. Fetching changes nothing, so a client that crashes before ' +
      'acknowledging gets the same ones again (ombudsman).',
  })
  async pendingEscalations(@RequestContext() request: GraphQLContext): Promise<EscalationModel[]> {
    const office = this.officeOf(request);
    const pending = await this.queries.pending(office.code, office.jurisdiction);
    return pending.map(toModel);
  }

  @Mutation(() => Int, {
    description:
      "Records that the caller's Ombudsman office received these escalations (ids from `Escalation.id`); " +
      'answers how many were newly acknowledged. Acknowledging again is harmless and counts 0; ids of unknown ' +
      `escalations or of escalations outside the office's jurisdiction are ignored. At most ${MAX_PENDING_ESCALATIONS} ids (ombudsman).`,
  })
  async acknowledgeEscalations(
    @RequestContext() request: GraphQLContext,
    @Args('ids', { type: () => [ID] }) ids: string[],
    // Read by IdempotencyInterceptor.
    @Args('idempotencyKey', { type: () => String, nullable: true, description: IDEMPOTENCY_KEY_DESCRIPTION })
    _idempotencyKey?: string | null,
  ): Promise<number> {
    const office = this.officeOf(request);
    if (ids.length > MAX_PENDING_ESCALATIONS)
      throw badUserInput(`At most ${MAX_PENDING_ESCALATIONS} ids at a time`, { field: 'ids' });
    const bad = ids.find((id) => !UUID.test(id));
    if (bad !== undefined)
      throw badUserInput(`ids must be escalation ids (UUIDs), not "${bad.slice(0, 60)}"`, { field: 'ids' });
    return this.queries.acknowledge(
      office.code,
      office.jurisdiction,
      ids.map((id) => id.toLowerCase()),
      request.caller.id,
      this.clock.now(),
    );
  }

  private officeOf(request: GraphQLContext): OmbudsmanOffice {
    if (request.caller.role === 'public') throw unauthenticated();
    if (request.caller.role !== 'ombudsman') throw forbidden('Only the Ombudsman acknowledges escalations');
    return ombudsmanOfficeOf(request.caller, this.directory, this.tree);
  }
}
