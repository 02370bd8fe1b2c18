import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { AgencyDirectory } from '#aduan/agencies';
import { sanctionComplaint } from '#aduan/complaints';
import type { ComplaintSnapshot } from '#aduan/projections';
import { CLOCK, type Clock } from '../../runtime/clock.js';
import { ComplaintRepository } from '../complaint.repository.js';
import { commandContext } from './command-context.js';
import { SanctionComplaintCommand } from './sanction-complaint.command.js';

@CommandHandler(SanctionComplaintCommand)
export class SanctionComplaintHandler implements ICommandHandler<SanctionComplaintCommand> {
  constructor(
    private readonly complaints: ComplaintRepository,
    private readonly agencies: AgencyDirectory,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  execute({ input, request }: SanctionComplaintCommand): Promise<ComplaintSnapshot> {
    const context = commandContext(request, this.clock.now());
    return this.complaints.execute(input.complaintId, input.expectedVersion, context, (state) =>
      sanctionComplaint(
        {
          complaintId: input.complaintId,
          sanctionedAgencyCode: input.sanctionedAgencyCode,
          officialName: input.officialName,
          kind: input.kind,
          reason: input.reason,
          actor: context.caller,
          now: context.now,
          agencies: this.agencies,
        },
        state,
      ),
    );
  }
}
