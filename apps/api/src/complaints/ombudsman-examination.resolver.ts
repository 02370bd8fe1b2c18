import { Inject } from '@nestjs/common';
import { CommandBus, type Command } from '@nestjs/cqrs';
import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { AgencyDirectory } from '#aduan/agencies';
import type { ComplaintSnapshot } from '#aduan/projections';
import { complaintId } from '../graphql/arguments.js';
import type { GraphQLContext } from '../graphql/graphql-context.js';
import { RequestContext } from '../graphql/request-context.decorator.js';
import { toComplaintModel } from './complaint-view.js';
import { AcceptComplaintForExaminationCommand } from './commands/accept-complaint-for-examination.command.js';
import { IssueRecommendationCommand } from './commands/issue-recommendation.command.js';
import { RejectComplaintForExaminationCommand } from './commands/reject-complaint-for-examination.command.js';
import { ReportRecommendationImplementationCommand } from './commands/report-recommendation-implementation.command.js';
import { AcceptComplaintForExaminationInput } from './inputs/accept-complaint-for-examination.input.js';
import { IssueRecommendationInput } from './inputs/issue-recommendation.input.js';
import { RejectComplaintForExaminationInput } from './inputs/reject-complaint-for-examination.input.js';
import { ReportRecommendationImplementationInput } from './inputs/report-recommendation-implementation.input.js';
import { ComplaintModel } from './models/complaint.model.js';

/** The Ombudsman's examination of escalated reports (Law 37/2008): acceptance, recommendations, their implementation. */
@Resolver(() => ComplaintModel)
export class OmbudsmanExaminationResolver {
  constructor(
    private readonly commands: CommandBus,
    @Inject(AgencyDirectory) private readonly agencies: AgencyDirectory,
  ) {}

  @Mutation(() => ComplaintModel, {
    description:
      'An Ombudsman office accepts an escalated report for examination (ombudsman; a regional office within its province). Refused with OMBUDSMAN_PRECONDITION_FAILED (CONFLICT, extensions.failedPreconditions) when a precondition of Law 37/2008 art. 24 fails.',
  })
  async acceptComplaintForExamination(
    @Args('input') input: AcceptComplaintForExaminationInput,
    @RequestContext() request: GraphQLContext,
  ): Promise<ComplaintModel> {
    return this.run(new AcceptComplaintForExaminationCommand(withId(input), request));
  }

  @Mutation(() => ComplaintModel, {
    description:
      'An Ombudsman office does not accept an escalated report for examination, recording the failed preconditions and its grounds; the complaint closes (ombudsman; a regional office within its province).',
  })
  async rejectComplaintForExamination(
    @Args('input') input: RejectComplaintForExaminationInput,
    @RequestContext() request: GraphQLContext,
  ): Promise<ComplaintModel> {
    return this.run(new RejectComplaintForExaminationCommand(withId(input), request));
  }

  @Mutation(() => ComplaintModel, {
    description:
      'An Ombudsman office issues a recommendation on a report it accepted; the agency must report implementing it within the RECOMMENDATION deadline (ombudsman; a regional office within its province).',
  })
  async issueRecommendation(
    @Args('input') input: IssueRecommendationInput,
    @RequestContext() request: GraphQLContext,
  ): Promise<ComplaintModel> {
    return this.run(new IssueRecommendationCommand(withId(input), request));
  }

  @Mutation(() => ComplaintModel, {
    description:
      'Reports that the awaited recommendation was implemented: an officer of the agency it is addressed to or of an agency above it, or the Ombudsman recording a report received outside Aduan. Late reports are recorded as late.',
  })
  async reportRecommendationImplementation(
    @Args('input') input: ReportRecommendationImplementationInput,
    @RequestContext() request: GraphQLContext,
  ): Promise<ComplaintModel> {
    return this.run(new ReportRecommendationImplementationCommand(withId(input), request));
  }

  private async run(command: Command<ComplaintSnapshot>): Promise<ComplaintModel> {
    return toComplaintModel(await this.commands.execute(command), this.agencies);
  }
}

const withId = <T extends { complaintId: string }>(input: T): T => ({
  ...input,
  complaintId: complaintId(input.complaintId, 'complaintId'),
});
