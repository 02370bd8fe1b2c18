import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { forwardComplaint, type DeadlineSchedule } from '#aduan/complaints';
import type { ComplaintSnapshot } from '#aduan/projections';
import { CLOCK, type Clock } from '../../runtime/clock.js';
import { ComplaintRepository } from '../complaint.repository.js';
import { commandContext } from './command-context.js';
import { AgencyTree } from '../../agencies/agency-tree.js';
import { DEADLINE_SCHEDULE } from '../../workflow/workflow.tokens.js';
import { ForwardComplaintCommand } from './forward-complaint.command.js';

@CommandHandler(ForwardComplaintCommand)
export class ForwardComplaintHandler implements ICommandHandler<ForwardComplaintCommand> {
  constructor(
    private readonly complaints: ComplaintRepository,
    private readonly agencies: AgencyTree,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(DEADLINE_SCHEDULE) private readonly schedule: DeadlineSchedule,
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
          schedule: this.schedule,
        },
        state,
      ),
    );
  }
}
