import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { disputeComplaint, type DeadlineSchedule } from '#aduan/complaints';
import type { ComplaintSnapshot } from '#aduan/projections';
import { DEADLINE_SCHEDULE } from '../../workflow/workflow.tokens.js';
import { CLOCK, type Clock } from '../../runtime/clock.js';
import { ComplaintRepository } from '../complaint.repository.js';
import { commandContext } from './command-context.js';
import { DisputeComplaintCommand } from './dispute-complaint.command.js';

@CommandHandler(DisputeComplaintCommand)
export class DisputeComplaintHandler implements ICommandHandler<DisputeComplaintCommand> {
  constructor(
    private readonly complaints: ComplaintRepository,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(DEADLINE_SCHEDULE) private readonly schedule: DeadlineSchedule,
  ) {}

  execute({ input, request }: DisputeComplaintCommand): Promise<ComplaintSnapshot> {
    const context = commandContext(request, this.clock.now());
    return this.complaints.executeAll(input.complaintId, input.expectedVersion, context, (state) =>
      [
        disputeComplaint(
          {
            complaintId: input.complaintId,
            reason: input.reason,
            accessKey: input.accessKey,
            schedule: this.schedule,
            actor: context.caller,
            now: context.now,
          },
          state,
        ),
      ].flat(),
    );
  }
}
