import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { escalateComplaint, type DeadlineSchedule } from '#aduan/complaints';
import type { ComplaintSnapshot } from '#aduan/projections';
import { CLOCK, type Clock } from '../../runtime/clock.js';
import { ComplaintRepository } from '../complaint.repository.js';
import { commandContext } from './command-context.js';
import { DEADLINE_SCHEDULE } from '../../workflow/workflow.tokens.js';
import { EscalateComplaintCommand } from './escalate-complaint.command.js';

@CommandHandler(EscalateComplaintCommand)
export class EscalateComplaintHandler implements ICommandHandler<EscalateComplaintCommand> {
  constructor(
    private readonly complaints: ComplaintRepository,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(DEADLINE_SCHEDULE) private readonly schedule: DeadlineSchedule,
  ) {}

  execute({ input, request }: EscalateComplaintCommand): Promise<ComplaintSnapshot> {
    const context = commandContext(request, this.clock.now());
    return this.complaints.execute(input.complaintId, input.expectedVersion, context, (state) =>
      escalateComplaint(
        {
          complaintId: input.complaintId,
          reason: input.reason,
          actor: context.caller,
          now: context.now,
          accessKey: input.accessKey,
          schedule: this.schedule,
        },
        state,
      ),
    );
  }
}
