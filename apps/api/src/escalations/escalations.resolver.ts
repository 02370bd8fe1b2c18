import { Args, Int, Query, Resolver } from '@nestjs/graphql';
import { EscalationQueries } from '#aduan/projections';
import { forbidden, unauthenticated } from '../graphql/api-errors.js';
import { pageSize } from '../graphql/arguments.js';
import type { GraphQLContext } from '../graphql/graphql-context.js';
import { RequestContext } from '../graphql/request-context.decorator.js';
import { EscalationConnectionModel, EscalationModel } from './escalation.model.js';

const READERS = new Set(['ombudsman', 'auditor', 'operator']);

@Resolver(() => EscalationModel)
export class EscalationsResolver {
  constructor(private readonly queries: EscalationQueries) {}

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
      edges: page.items.map(({ node, cursor }) => ({
        node: {
          complaintId: node.complaintId,
          reason: node.reason,
          source: node.source as EscalationModel['source'],
          escalatedAt: node.escalatedAt,
          agencyCode: node.agencyCode,
        },
        cursor,
      })),
      pageInfo: { hasNextPage: page.hasNextPage, endCursor: page.endCursor },
    };
  }
}
