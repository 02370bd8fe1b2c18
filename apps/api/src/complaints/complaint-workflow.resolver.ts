import { Inject } from '@nestjs/common';
import { CommandBus, type Command } from '@nestjs/cqrs';
import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { AgencyDirectory } from '#aduan/agencies';
import { accessKeyMatches, workflowOf } from '#aduan/complaints';
import { ComplaintSummaryQueries, type ComplaintSnapshot } from '#aduan/projections';
import { apiError, badUserInput } from '../graphql/api-errors.js';
import { complaintId } from '../graphql/arguments.js';
import type { GraphQLContext } from '../graphql/graphql-context.js';
import { RequestContext } from '../graphql/request-context.decorator.js';
import { toComplaintModel } from './complaint-view.js';
import { AddComplaintInformationCommand } from './commands/add-complaint-information.command.js';
import { ArchiveComplaintCommand } from './commands/archive-complaint.command.js';
import { ClassifyComplaintCommand } from './commands/classify-complaint.command.js';
import { CloseComplaintCommand } from './commands/close-complaint.command.js';
import { ConcludeComplaintCommand } from './commands/conclude-complaint.command.js';
import { DisputeComplaintCommand } from './commands/dispute-complaint.command.js';
import { HoldComplaintCommand } from './commands/hold-complaint.command.js';
import { OrderFieldCheckCommand } from './commands/order-field-check.command.js';
import { RateComplaintCommand } from './commands/rate-complaint.command.js';
import { RecordSanctionRemedyCommand } from './commands/record-sanction-remedy.command.js';
import { ReopenComplaintCommand } from './commands/reopen-complaint.command.js';
import { ReturnComplaintCommand } from './commands/return-complaint.command.js';
import { VerifyComplaintCommand } from './commands/verify-complaint.command.js';
import { AddComplaintInformationInput } from './inputs/add-complaint-information.input.js';
import { ArchiveComplaintInput } from './inputs/archive-complaint.input.js';
import { ClassifyComplaintInput } from './inputs/classify-complaint.input.js';
import { CloseComplaintInput } from './inputs/close-complaint.input.js';
import { ConcludeComplaintInput } from './inputs/conclude-complaint.input.js';
import { DisputeComplaintInput } from './inputs/dispute-complaint.input.js';
import { HoldComplaintInput } from './inputs/hold-complaint.input.js';
import { OrderFieldCheckInput } from './inputs/order-field-check.input.js';
import { RateComplaintInput } from './inputs/rate-complaint.input.js';
import { RecordSanctionRemedyInput } from './inputs/record-sanction-remedy.input.js';
import { ReopenComplaintInput } from './inputs/reopen-complaint.input.js';
import { ReturnComplaintInput } from './inputs/return-complaint.input.js';
import { VerifyComplaintInput } from './inputs/verify-complaint.input.js';
import { ComplaintModel } from './models/complaint.model.js';

/** How a reporter without an account names their complaint: its tracking code and access key. */
interface ReporterCredentials {
  readonly complaintId?: string | null;
  readonly trackingCode?: string | null;
  readonly accessKey?: string | null;
}

const TRACKING_CODE = /^LPR-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/;

/** The SP4N-LAPOR! workflow's operations on complaints: triage, closure, the Ombudsman's decisions. */
@Resolver(() => ComplaintModel)
export class ComplaintWorkflowResolver {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: ComplaintSummaryQueries,
    @Inject(AgencyDirectory) private readonly agencies: AgencyDirectory,
  ) {}

  @Query(() => ComplaintModel, {
    nullable: true,
    description:
      'A reporter without an account follows their complaint with its tracking code and access key; null when either does not match.',
  })
  async complaintByTrackingCode(
    @Args('trackingCode') trackingCode: string,
    @Args('accessKey') accessKey: string,
    @RequestContext() _request: GraphQLContext,
  ): Promise<ComplaintModel | null> {
    const code = trackingCode.trim().toUpperCase();
    if (!TRACKING_CODE.test(code)) return null;
    const snapshot = await this.queries.findByTrackingCode(code);
    if (!snapshot || !accessKeyMatches(accessKey, workflowOf(snapshot.state).accessKeyHash)) return null;
    return { ...toComplaintModel(snapshot, this.agencies), reporterAccess: true };
  }

  @Mutation(() => ComplaintModel, {
    description: 'An operator verifies a new report; it may classify it and raise its privacy in the same step.',
  })
  async verifyComplaint(@Args('input') input: VerifyComplaintInput, @RequestContext() request: GraphQLContext) {
    return this.run(new VerifyComplaintCommand(withId(input), request));
  }

  @Mutation(() => ComplaintModel, {
    description: 'An operator sets the category or priority (URGENT shortens the deadlines), or raises privacy.',
  })
  async classifyComplaint(@Args('input') input: ClassifyComplaintInput, @RequestContext() request: GraphQLContext) {
    return this.run(new ClassifyComplaintCommand(withId(input), request));
  }

  @Mutation(() => ComplaintModel, {
    description: 'An operator returns a report to the reporter for missing information; its clocks stop.',
  })
  async holdComplaint(@Args('input') input: HoldComplaintInput, @RequestContext() request: GraphQLContext) {
    return this.run(new HoldComplaintCommand(withId(input), request));
  }

  @Mutation(() => ComplaintModel, {
    description:
      'The reporter (signed in, or with tracking code and access key) or an operator adds information; a complaint on hold resumes triage.',
  })
  async addComplaintInformation(
    @Args('input') input: AddComplaintInformationInput,
    @RequestContext() request: GraphQLContext,
  ) {
    const id = await this.reporterTarget(input);
    return this.run(new AddComplaintInformationCommand({ ...input, complaintId: id }, request), input.accessKey);
  }

  @Mutation(() => ComplaintModel, {
    description:
      'NOT_OUR_AUTHORITY: an officer of the assigned agency hands the complaint back to its parent agency (or national triage).',
  })
  async returnComplaint(@Args('input') input: ReturnComplaintInput, @RequestContext() request: GraphQLContext) {
    return this.run(new ReturnComplaintCommand(withId(input), request));
  }

  @Mutation(() => ComplaintModel, { description: 'An operator archives a report at triage, with a reason.' })
  async archiveComplaint(@Args('input') input: ArchiveComplaintInput, @RequestContext() request: GraphQLContext) {
    const duplicateOfId = input.duplicateOfId ? complaintId(input.duplicateOfId, 'duplicateOfId') : null;
    return this.run(new ArchiveComplaintCommand({ ...withId(input), duplicateOfId }, request));
  }

  @Mutation(() => ComplaintModel, {
    description: 'The reporter accepts the answer and closes the complaint with a satisfaction rating (1–5).',
  })
  async closeComplaint(@Args('input') input: CloseComplaintInput, @RequestContext() request: GraphQLContext) {
    const id = await this.reporterTarget(input);
    return this.run(new CloseComplaintCommand({ ...input, complaintId: id }, request), input.accessKey);
  }

  @Mutation(() => ComplaintModel, {
    description: 'The reporter rates a complaint closed without their rating (by the system or the Ombudsman).',
  })
  async rateComplaint(@Args('input') input: RateComplaintInput, @RequestContext() request: GraphQLContext) {
    const id = await this.reporterTarget(input);
    return this.run(new RateComplaintCommand({ ...input, complaintId: id }, request), input.accessKey);
  }

  @Mutation(() => ComplaintModel, {
    description: "The reporter disputes the agency's answer: the complaint is escalated to the Ombudsman.",
  })
  async disputeComplaint(@Args('input') input: DisputeComplaintInput, @RequestContext() request: GraphQLContext) {
    const id = await this.reporterTarget(input);
    return this.run(new DisputeComplaintCommand({ ...input, complaintId: id }, request), input.accessKey);
  }

  @Mutation(() => ComplaintModel, {
    description:
      'The reporter reopens a closed complaint within the reopen window (REOPEN_WINDOW); not one the Ombudsman concluded (INVALID_TRANSITION) or did not accept for examination (REJECTED_BY_OMBUDSMAN).',
  })
  async reopenComplaint(@Args('input') input: ReopenComplaintInput, @RequestContext() request: GraphQLContext) {
    const id = await this.reporterTarget(input);
    return this.run(new ReopenComplaintCommand({ ...input, complaintId: id }, request), input.accessKey);
  }

  @Mutation(() => ComplaintModel, {
    description:
      'The Ombudsman settles an escalated complaint without a sanction and closes it (ombudsman; a regional office within its province).',
  })
  async concludeComplaint(@Args('input') input: ConcludeComplaintInput, @RequestContext() request: GraphQLContext) {
    return this.run(new ConcludeComplaintCommand(withId(input), request));
  }

  @Mutation(() => ComplaintModel, {
    description:
      'The Ombudsman orders a field check; the dispute deadline becomes DISPUTE_FIELD_CHECK (ombudsman; a regional office within its province).',
  })
  async orderFieldCheck(@Args('input') input: OrderFieldCheckInput, @RequestContext() request: GraphQLContext) {
    return this.run(new OrderFieldCheckCommand(withId(input), request));
  }

  @Mutation(() => ComplaintModel, {
    description:
      'The Ombudsman records that a sanctioned agency remedied its failure: no further tier is due (ombudsman; a regional office within its province).',
  })
  async recordSanctionRemedy(
    @Args('input') input: RecordSanctionRemedyInput,
    @RequestContext() request: GraphQLContext,
  ) {
    return this.run(new RecordSanctionRemedyCommand(withId(input), request));
  }

  private async run(command: Command<ComplaintSnapshot>, accessKey?: string | null): Promise<ComplaintModel> {
    const snapshot = await this.commands.execute(command);
    const reporterAccess = accessKeyMatches(accessKey, workflowOf(snapshot.state).accessKeyHash);
    return { ...toComplaintModel(snapshot, this.agencies), reporterAccess };
  }

  /** The complaint a reporter names: by id, or by tracking code (with the access key the domain then checks). */
  private async reporterTarget(input: ReporterCredentials): Promise<string> {
    if (input.complaintId) return complaintId(input.complaintId, 'complaintId');
    if (!input.trackingCode || !input.accessKey) {
      throw badUserInput('Name the complaint: complaintId, or trackingCode with accessKey', { field: 'complaintId' });
    }
    const found = await this.queries.findByTrackingCode(input.trackingCode.trim().toUpperCase());
    if (!found) throw apiError('NOT_FOUND', 'No complaint has that tracking code', { field: 'trackingCode' });
    return found.state.id;
  }
}

const withId = <T extends { complaintId: string }>(input: T): T => ({
  ...input,
  complaintId: complaintId(input.complaintId, 'complaintId'),
});
