import { Inject } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { Args, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { AgencyDirectory } from '#aduan/agencies';
import type { ComplaintStatus } from '#aduan/complaints';
import { ComplaintChangeQueries } from '#aduan/projections';
import { forbidden, unauthenticated } from '../graphql/api-errors.js';
import { pageSize } from '../graphql/arguments.js';
import type { GraphQLContext } from '../graphql/graphql-context.js';
import { RequestContext } from '../graphql/request-context.decorator.js';
import { toComplaintModel } from '../complaints/complaint-view.js';
import { ComplaintModel } from '../complaints/models/complaint.model.js';
import { ComplaintChangeConnectionModel } from './complaint-change.model.js';
import { ImportSp4nComplaintCommand } from './import-sp4n-complaint.command.js';
import { ImportSp4nComplaintInput } from './import-sp4n-complaint.input.js';

const CHANGE_READERS = new Set(['sp4n', 'operator', 'auditor']);

/** The national SP4N-LAPOR! integration (role sp4n). */
@Resolver(() => ComplaintModel)
export class Sp4nResolver {
  constructor(
    private readonly commands: CommandBus,
    @Inject(AgencyDirectory) private readonly agencies: AgencyDirectory,
    @Inject(ComplaintChangeQueries) private readonly changes: ComplaintChangeQueries,
  ) {}

  @Query(() => ComplaintChangeConnectionModel, {
    description:
      "The outbound change feed: every complaint's status changes (its receipt included) in store order, for " +
      'the national system (sp4n, operator, auditor). Poll with `after` = the last `endCursor`.',
  })
  async complaintChanges(
    @RequestContext() request: GraphQLContext,
    @Args('after', { type: () => String, nullable: true }) after?: string | null,
    @Args('first', { type: () => Int, nullable: true, description: '1–100, default 20.' }) first?: number | null,
  ): Promise<ComplaintChangeConnectionModel> {
    if (request.caller.role === 'public') throw unauthenticated();
    if (!CHANGE_READERS.has(request.caller.role))
      throw forbidden('Only SP4N, operators and auditors read the change feed');
    const page = await this.changes.list(pageSize(first), after);
    return {
      edges: page.items.map(({ node, cursor }) => ({
        node: {
          ...node,
          previousStatus: node.previousStatus as ComplaintStatus | null,
          newStatus: node.newStatus as ComplaintStatus,
        },
        cursor,
      })),
      pageInfo: { hasNextPage: page.hasNextPage, endCursor: page.endCursor },
    };
  }

  @Mutation(() => ComplaintModel, {
    description:
      'Creates a complaint from a national SP4N-LAPOR! record, on channel SP4N (sp4n). Idempotent on ' +
      '`nationalTrackingId`: the complaint id is derived from it, and a retry — even many at once — returns the same complaint and writes nothing.',
  })
  async importSp4nComplaint(
    @Args('input') input: ImportSp4nComplaintInput,
    @RequestContext() request: GraphQLContext,
  ): Promise<ComplaintModel> {
    if (request.caller.role === 'public') throw unauthenticated();
    const snapshot = await this.commands.execute(new ImportSp4nComplaintCommand(input, request));
    return toComplaintModel(snapshot, this.agencies);
  }
}
