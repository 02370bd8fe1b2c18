import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { classifyComplaint, type DeadlineSchedule } from '#aduan/complaints';
import type { ComplaintSnapshot } from '#aduan/projections';
import { DEADLINE_SCHEDULE } from '../../workflow/workflow.tokens.js';
import { CLOCK, type Clock } from '../../runtime/clock.js';
import { ComplaintRepository } from '../complaint.repository.js';
import { commandContext } from './command-context.js';
import { ClassifyComplaintCommand } from './classify-complaint.command.js';

@CommandHandler(ClassifyComplaintCommand)
export class ClassifyComplaintHandler implements ICommandHandler<ClassifyComplaintCommand> {
  constructor(
    private readonly complaints: ComplaintRepository,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(DEADLINE_SCHEDULE) private readonly schedule: DeadlineSchedule,
  ) {}

  execute({ input, request }: ClassifyComplaintCommand): Promise<ComplaintSnapshot> {
    const context = commandContext(request, this.clock.now());
    return this.complaints.executeAll(input.complaintId, input.expectedVersion, context, (state) =>
      [
        classifyComplaint(
          {
            complaintId: input.complaintId,
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
