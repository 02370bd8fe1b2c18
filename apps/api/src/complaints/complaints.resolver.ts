import { Inject } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { Args, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { AgencyDirectory } from '#aduan/agencies';
import type { Caller } from '#aduan/identity';
import { ComplaintSummaryQueries, type ComplaintSnapshot } from '#aduan/projections';
import { complaintId, pageSize } from '../graphql/arguments.js';
import type { GraphQLContext } from '../graphql/graphql-context.js';
import { RequestContext } from '../graphql/request-context.decorator.js';
import { AgencyTree } from '../agencies/agency-tree.js';
import { assertCanView, canView, listScope, officerScopeOf } from './complaint-access.js';
import { ComplaintRepository } from './complaint.repository.js';
import { toComplaintModel } from './complaint-view.js';
import { EscalateComplaintCommand } from './commands/escalate-complaint.command.js';
import { ForwardComplaintCommand } from './commands/forward-complaint.command.js';
import { RespondToComplaintCommand } from './commands/respond-to-complaint.command.js';
import { SanctionComplaintCommand } from './commands/sanction-complaint.command.js';
import { SubmitComplaintCommand } from './commands/submit-complaint.command.js';
import { ComplaintFilterInput } from './inputs/complaint-filter.input.js';
import { EscalateComplaintInput } from './inputs/escalate-complaint.input.js';
import { ForwardComplaintInput } from './inputs/forward-complaint.input.js';
import { RespondToComplaintInput } from './inputs/respond-to-complaint.input.js';
import { SanctionComplaintInput } from './inputs/sanction-complaint.input.js';
import { SubmitComplaintInput } from './inputs/submit-complaint.input.js';
import { ComplaintConnectionModel } from './models/complaint-connection.model.js';
import { ComplaintModel } from './models/complaint.model.js';

@Resolver(() => ComplaintModel)
export class ComplaintsResolver {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: ComplaintSummaryQueries,
    private readonly repository: ComplaintRepository,
    @Inject(AgencyDirectory) private readonly agencies: AgencyDirectory,
    private readonly tree: AgencyTree,
  ) {}

  @Query(() => ComplaintModel, {
    nullable: true,
    description: 'One complaint, if it exists and the caller may see it (null when it does not exist).',
  })
  async complaint(
    @Args('id', { type: () => ID }) id: string,
    @RequestContext() request: GraphQLContext,
  ): Promise<ComplaintModel | null> {
    const snapshot = await this.findVisibleSnapshot(complaintId(id), request.caller);
    return snapshot ? toComplaintModel(snapshot, this.agencies) : null;
  }

  @Query(() => ComplaintConnectionModel, {
    description: "Complaints the caller may see: all for overseers, an officer's agency's, a citizen's own.",
  })
  async complaints(
    @RequestContext() request: GraphQLContext,
    @Args('filter', { type: () => ComplaintFilterInput, nullable: true }) filter?: ComplaintFilterInput | null,
    @Args('first', { type: () => Int, nullable: true, description: '1–100, default 20.' }) first?: number | null,
    @Args('after', { type: () => String, nullable: true }) after?: string | null,
  ): Promise<ComplaintConnectionModel> {
    const page = await this.queries.list({
      scope: listScope(request.caller, officerScopeOf(request.caller, this.tree)),
      status: filter?.status,
      agencyCode: filter?.agencyCode,
      first: pageSize(first),
      after,
    });
    return {
      edges: page.items.map((item) => ({ node: toComplaintModel(item.node, this.agencies), cursor: item.cursor })),
      pageInfo: { hasNextPage: page.hasNextPage, endCursor: page.endCursor },
    };
  }

  @Mutation(() => ComplaintModel, { description: 'File a report; anyone may, with or without a token.' })
  async submitComplaint(
    @Args('input') input: SubmitComplaintInput,
    @RequestContext() request: GraphQLContext,
  ): Promise<ComplaintModel> {
    const submitted = await this.commands.execute(new SubmitComplaintCommand(input, request));
    return { ...this.toModel(submitted), accessKey: submitted.accessKey, reporterAccess: submitted.accessKey !== null };
  }

  @Mutation(() => ComplaintModel, { description: 'Route a complaint to an agency (operator, or the assigned agency).' })
  async forwardComplaint(
    @Args('input') input: ForwardComplaintInput,
    @RequestContext() request: GraphQLContext,
  ): Promise<ComplaintModel> {
    const command = new ForwardComplaintCommand(
      { ...input, complaintId: complaintId(input.complaintId, 'complaintId') },
      request,
    );
    return this.toModel(await this.commands.execute(command));
  }

  @Mutation(() => ComplaintModel, { description: "The assigned agency's answer." })
  async respondToComplaint(
    @Args('input') input: RespondToComplaintInput,
    @RequestContext() request: GraphQLContext,
  ): Promise<ComplaintModel> {
    const command = new RespondToComplaintCommand(
      { ...input, complaintId: complaintId(input.complaintId, 'complaintId') },
      request,
    );
    return this.toModel(await this.commands.execute(command));
  }

  @Mutation(() => ComplaintModel, {
    description: 'Send to the Ombudsman: an operator any time; the reporter after a response or the deadline.',
  })
  async escalateComplaint(
    @Args('input') input: EscalateComplaintInput,
    @RequestContext() request: GraphQLContext,
  ): Promise<ComplaintModel> {
    const command = new EscalateComplaintCommand(
      { ...input, complaintId: complaintId(input.complaintId, 'complaintId') },
      request,
    );
    return this.toModel(await this.commands.execute(command));
  }

  @Mutation(() => ComplaintModel, {
    description:
      'The Ombudsman records a sanction on an escalated complaint (ombudsman; a regional office within its province).',
  })
  async sanctionComplaint(
    @Args('input') input: SanctionComplaintInput,
    @RequestContext() request: GraphQLContext,
  ): Promise<ComplaintModel> {
    const command = new SanctionComplaintCommand(
      { ...input, complaintId: complaintId(input.complaintId, 'complaintId') },
      request,
    );
    return this.toModel(await this.commands.execute(command));
  }

  private toModel(snapshot: ComplaintSnapshot): ComplaintModel {
    return toComplaintModel(snapshot, this.agencies);
  }

  /**
   * The read model answers, unless it lags a fresh write: a complaint not projected yet, or one just
   * forwarded to the caller's agency, is looked up in the store before answering null or FORBIDDEN.
   */
  private async findVisibleSnapshot(id: string, caller: Caller): Promise<ComplaintSnapshot | null> {
    const scope = officerScopeOf(caller, this.tree);
    const projected = await this.queries.findById(id);
    if (projected && canView(caller, projected.state, scope)) return projected;
    const { state, version } = await this.repository.load(id);
    if (state.status === 'NONE' || version === null) return null;
    assertCanView(caller, state, scope);
    return { state, version };
  }
}
