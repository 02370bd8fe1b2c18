import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { AgencyDirectory } from '#aduan/agencies';
import { forwardComplaint } from '#aduan/complaints';
import type { ComplaintSnapshot } from '#aduan/projections';
import { CLOCK, type Clock } from '../../runtime/clock.js';
import { ComplaintRepository } from '../complaint.repository.js';
import { commandContext } from './command-context.js';
import { ForwardComplaintCommand } from './forward-complaint.command.js';

@CommandHandler(ForwardComplaintCommand)
export class ForwardComplaintHandler implements ICommandHandler<ForwardComplaintCommand> {
  constructor(
    private readonly complaints: ComplaintRepository,
    private readonly agencies: AgencyDirectory,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  execute({ input, request }: ForwardComplaintCommand): Promise<ComplaintSnapshot> {
    const context = commandContext(request, this.clock.now());
    return this.complaints.execute(input.complaintId, input.expectedVersion, context, (state) =>
      forwardComplaint(
        {
          complaintId: input.complaintId,
          toAgencyCode: input.toAgencyCode,
          note: input.note,
          actor: context.caller,
          now: context.now,
          agencies: this.agencies,
        },
        state,
      ),
    );
  }
}
