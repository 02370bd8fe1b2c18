import { randomBytes, randomUUID } from 'node:crypto';
import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { AgencyDirectory } from '#aduan/agencies';
import {
  formatAccessKey,
  initialState,
  reporterIdFor,
  submitComplaint,
  trackingCodeFor,
  workflowOf,
  type DeadlineSchedule,
  type SubmitComplaint,
} from '#aduan/complaints';
import { ReporterIdentities } from '#aduan/reporter-vault';
import { APP_CONFIG } from '../../config/app-config.token.js';
import type { AppConfig } from '#aduan/infrastructure';
import { CLOCK, type Clock } from '../../runtime/clock.js';
import { ComplaintRepository } from '../complaint.repository.js';
import { sealReporter } from '../seal-reporter.js';
import { commandContext } from './command-context.js';
import { DEADLINE_SCHEDULE } from '../../workflow/workflow.tokens.js';
import { SubmitComplaintCommand, type SubmittedComplaint } from './submit-complaint.command.js';

@CommandHandler(SubmitComplaintCommand)
export class SubmitComplaintHandler implements ICommandHandler<SubmitComplaintCommand> {
  constructor(
    private readonly complaints: ComplaintRepository,
    private readonly agencies: AgencyDirectory,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(DEADLINE_SCHEDULE) private readonly schedule: DeadlineSchedule,
    private readonly identities: ReporterIdentities,
  ) {}

  async execute({ input, request }: SubmitComplaintCommand): Promise<SubmittedComplaint> {
    const complaintId = randomUUID();
    const context = commandContext(request, this.clock.now());
    const accessKey = formatAccessKey(randomBytes(16));
    const command: SubmitComplaint = {
      complaintId,
      trackingCode: trackingCodeFor(complaintId),
      title: input.title,
      description: input.description,
      type: input.type,
      channel: input.channel,
      requestedAgencyCode: input.agencyCode,
      anonymous: input.anonymous,
      confidential: input.confidential,
      actor: context.caller,
      now: context.now,
      responseDeadline: this.config.responseDeadline,
      agencies: this.agencies,
      priority: input.priority,
      category: input.category,
      accessKey,
      schedule: this.schedule,
    };
    const reporter = await sealReporter(
      this.identities,
      { complaintId, reporterId: reporterIdFor(context.caller) },
      input.reporter,
      () => submitComplaint(command, initialState()),
    );
    const snapshot = await this.complaints.executeNew(complaintId, context, (state) =>
      submitComplaint({ ...command, reporter }, state),
    );
    // The key is answered only when the decision kept it (no account, or anonymous).
    return { ...snapshot, accessKey: workflowOf(snapshot.state).accessKeyHash ? accessKey : null };
  }
}
