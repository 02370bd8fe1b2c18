import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { returnComplaint, type DeadlineSchedule } from '#aduan/complaints';
import type { ComplaintSnapshot } from '#aduan/projections';
import { AgencyTree } from '../../agencies/agency-tree.js';
import { DEADLINE_SCHEDULE } from '../../workflow/workflow.tokens.js';
import { CLOCK, type Clock } from '../../runtime/clock.js';
import { ComplaintRepository } from '../complaint.repository.js';
import { commandContext } from './command-context.js';
import { ReturnComplaintCommand } from './return-complaint.command.js';

@CommandHandler(ReturnComplaintCommand)
export class ReturnComplaintHandler implements ICommandHandler<ReturnComplaintCommand> {
  constructor(
    private readonly complaints: ComplaintRepository,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(DEADLINE_SCHEDULE) private readonly schedule: DeadlineSchedule,
    private readonly agencies: AgencyTree,
  ) {}

  execute({ input, request }: ReturnComplaintCommand): Promise<ComplaintSnapshot> {
    const context = commandContext(request, this.clock.now());
    return this.complaints.executeAll(input.complaintId, input.expectedVersion, context, (state) =>
      [
        returnComplaint(
          {
            complaintId: input.complaintId,
            reason: input.reason,
            agencies: this.agencies,
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
