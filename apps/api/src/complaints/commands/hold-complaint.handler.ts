import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { holdComplaint } from '#aduan/complaints';
import type { ComplaintSnapshot } from '#aduan/projections';
import { CLOCK, type Clock } from '../../runtime/clock.js';
import { ComplaintRepository } from '../complaint.repository.js';
import { commandContext } from './command-context.js';
import { HoldComplaintCommand } from './hold-complaint.command.js';

@CommandHandler(HoldComplaintCommand)
export class HoldComplaintHandler implements ICommandHandler<HoldComplaintCommand> {
  constructor(
    private readonly complaints: ComplaintRepository,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  execute({ input, request }: HoldComplaintCommand): Promise<ComplaintSnapshot> {
    const context = commandContext(request, this.clock.now());
    return this.complaints.executeAll(input.complaintId, input.expectedVersion, context, (state) =>
      [
        holdComplaint(
          { complaintId: input.complaintId, reason: input.reason, actor: context.caller, now: context.now },
          state,
        ),
      ].flat(),
    );
  }
}
