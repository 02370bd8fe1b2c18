import { randomUUID } from 'node:crypto';
import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { AgencyDirectory } from '#aduan/agencies';
import { submitComplaint, trackingCodeFor } from '#aduan/complaints';
import type { ComplaintSnapshot } from '#aduan/projections';
import { APP_CONFIG } from '../../config/app-config.token.js';
import type { AppConfig } from '#aduan/infrastructure';
import { CLOCK, type Clock } from '../../runtime/clock.js';
import { ComplaintRepository } from '../complaint.repository.js';
import { commandContext } from './command-context.js';
import { SubmitComplaintCommand } from './submit-complaint.command.js';

@CommandHandler(SubmitComplaintCommand)
export class SubmitComplaintHandler implements ICommandHandler<SubmitComplaintCommand> {
  constructor(
    private readonly complaints: ComplaintRepository,
    private readonly agencies: AgencyDirectory,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  execute({ input, request }: SubmitComplaintCommand): Promise<ComplaintSnapshot> {
    const complaintId = randomUUID();
    const context = commandContext(request, this.clock.now());
    return this.complaints.execute(complaintId, null, context, (state) =>
      submitComplaint(
        {
          complaintId,
          trackingCode: trackingCodeFor(complaintId),
          title: input.title,
          description: input.description,
          type: input.type,
          channel: input.channel,
          requestedAgencyCode: input.agencyCode,
          anonymous: input.anonymous,
          confidential: input.confidential,
          reporter: input.reporter,
          actor: context.caller,
          now: context.now,
          responseDeadline: this.config.responseDeadline,
          agencies: this.agencies,
        },
        state,
      ),
    );
  }
}
