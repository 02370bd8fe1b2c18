import { Inject } from '@nestjs/common';
import { Args, Int, Query, Resolver } from '@nestjs/graphql';
import { AgencyDirectory } from '#aduan/agencies';
import { workflowOf, type Complaint } from '#aduan/complaints';
import { PublicFeedQueries } from '#aduan/projections';
import { describeAgency } from '../complaints/complaint-view.js';
import { pageSize } from '../graphql/arguments.js';
import type { GraphQLContext } from '../graphql/graphql-context.js';
import { RequestContext } from '../graphql/request-context.decorator.js';
import { PublicComplaintFilterInput } from './public-complaint-filter.input.js';
import { PublicComplaintConnectionModel, PublicComplaintModel } from './public-complaint.model.js';

/**
 * SP4N-LAPOR!'s public feed, open to everyone without a token: verified, non-confidential complaints.
 * The view is built field by field from the state, so no identity (reporter, account, actor) can leak.
 */
@Resolver(() => PublicComplaintModel)
export class PublicFeedResolver {
  constructor(
    private readonly feed: PublicFeedQueries,
    @Inject(AgencyDirectory) private readonly agencies: AgencyDirectory,
  ) {}

  @Query(() => PublicComplaintConnectionModel, {
    description:
      'The public feed: verified, non-confidential complaints, newest first, without identities. Anyone may read it.',
  })
  async publicComplaints(
    @RequestContext() _request: GraphQLContext,
    @Args('filter', { type: () => PublicComplaintFilterInput, nullable: true })
    filter?: PublicComplaintFilterInput | null,
    @Args('first', { type: () => Int, nullable: true, description: '1–100, default 20.' }) first?: number | null,
    @Args('after', { type: () => String, nullable: true }) after?: string | null,
  ): Promise<PublicComplaintConnectionModel> {
    const page = await this.feed.list({
      agencyCode: filter?.agencyCode,
      status: filter?.status,
      type: filter?.type,
      first: pageSize(first),
      after,
    });
    return {
      edges: page.items
        .filter((item) => !item.node.state.confidential)
        .map((item) => ({ node: this.publicView(item.node.state), cursor: item.cursor })),
      pageInfo: { hasNextPage: page.hasNextPage, endCursor: page.endCursor },
    };
  }

  private publicView(state: Complaint): PublicComplaintModel {
    const workflow = workflowOf(state);
    return {
      id: state.id,
      trackingCode: state.trackingCode,
      title: state.title,
      description: state.description,
      type: state.complaintType,
      category: workflow.category,
      priority: workflow.priority,
      status: state.status,
      agency: state.assignedAgencyCode ? describeAgency(state.assignedAgencyCode, this.agencies) : null,
      submittedAt: new Date(state.submittedAt),
      dueAt: new Date(state.dueAt),
      responses: state.responses.map((r) => ({
        agency: describeAgency(r.agencyCode, this.agencies),
        message: r.message,
        respondedAt: new Date(r.respondedAt),
        onTime: r.onTime,
      })),
      escalatedAt: state.escalation ? new Date(state.escalation.escalatedAt) : null,
      closedAt: workflow.closure ? new Date(workflow.closure.closedAt) : null,
    };
  }
}
