import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { verifyComplaint, type DeadlineSchedule } from '#aduan/complaints';
import type { ComplaintSnapshot } from '#aduan/projections';
import { DEADLINE_SCHEDULE } from '../../workflow/workflow.tokens.js';
import { CLOCK, type Clock } from '../../runtime/clock.js';
import { ComplaintRepository } from '../complaint.repository.js';
import { commandContext } from './command-context.js';
import { VerifyComplaintCommand } from './verify-complaint.command.js';

@CommandHandler(VerifyComplaintCommand)
export class VerifyComplaintHandler implements ICommandHandler<VerifyComplaintCommand> {
  constructor(
    private readonly complaints: ComplaintRepository,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(DEADLINE_SCHEDULE) private readonly schedule: DeadlineSchedule,
  ) {}

  execute({ input, request }: VerifyComplaintCommand): Promise<ComplaintSnapshot> {
    const context = commandContext(request, this.clock.now());
    return this.complaints.executeAll(input.complaintId, input.expectedVersion, context, (state) =>
      [
        verifyComplaint(
          {
            complaintId: input.complaintId,
            note: input.note,
            category: input.category,
            priority: input.priority,
            anonymous: input.anonymous,
            confidential: input.confidential,
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
