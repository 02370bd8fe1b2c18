import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { respondToComplaint, type DeadlineSchedule } from '#aduan/complaints';
import type { ComplaintSnapshot } from '#aduan/projections';
import { CLOCK, type Clock } from '../../runtime/clock.js';
import { ComplaintRepository } from '../complaint.repository.js';
import { commandContext } from './command-context.js';
import { DEADLINE_SCHEDULE } from '../../workflow/workflow.tokens.js';
import { RespondToComplaintCommand } from './respond-to-complaint.command.js';

@CommandHandler(RespondToComplaintCommand)
export class RespondToComplaintHandler implements ICommandHandler<RespondToComplaintCommand> {
  constructor(
    private readonly complaints: ComplaintRepository,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(DEADLINE_SCHEDULE) private readonly schedule: DeadlineSchedule,
  ) {}

  execute({ input, request }: RespondToComplaintCommand): Promise<ComplaintSnapshot> {
    const context = commandContext(request, this.clock.now());
    return this.complaints.execute(input.complaintId, input.expectedVersion, context, (state) =>
      respondToComplaint(
        {
          complaintId: input.complaintId,
          message: input.message,
          actor: context.caller,
          now: context.now,
          schedule: this.schedule,
        },
        state,
      ),
    );
  }
}
