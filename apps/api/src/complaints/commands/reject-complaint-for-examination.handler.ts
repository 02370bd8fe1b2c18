import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { AgencyDirectory } from '#aduan/agencies';
import { rejectComplaintForExamination, type DeadlineSchedule } from '#aduan/complaints';
import type { ComplaintSnapshot } from '#aduan/projections';
import { AgencyTree } from '../../agencies/agency-tree.js';
import { actingOfficeOf } from '../../escalations/ombudsman-office.js';
import { CLOCK, type Clock } from '../../runtime/clock.js';
import { DEADLINE_SCHEDULE } from '../../workflow/workflow.tokens.js';
import { ComplaintRepository } from '../complaint.repository.js';
import { commandContext } from './command-context.js';
import { RejectComplaintForExaminationCommand } from './reject-complaint-for-examination.command.js';

@CommandHandler(RejectComplaintForExaminationCommand)
export class RejectComplaintForExaminationHandler implements ICommandHandler<RejectComplaintForExaminationCommand> {
  constructor(
    private readonly complaints: ComplaintRepository,
    private readonly agencies: AgencyDirectory,
    private readonly tree: AgencyTree,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(DEADLINE_SCHEDULE) private readonly schedule: DeadlineSchedule,
  ) {}

  execute({ input, request }: RejectComplaintForExaminationCommand): Promise<ComplaintSnapshot> {
    const context = commandContext(request, this.clock.now());
    const office = actingOfficeOf(context.caller, this.agencies, this.tree);
    return this.complaints.execute(input.complaintId, input.expectedVersion, context, (state) =>
      rejectComplaintForExamination(
        {
          complaintId: input.complaintId,
          grounds: input.grounds,
          explanation: input.explanation,
          matterOccurredAt: input.matterOccurredAt,
          agencyComplaintOutsideAduan: input.agencyComplaintOutsideAduan,
          actor: context.caller,
          office,
          now: context.now,
          schedule: this.schedule,
        },
        state,
      ),
    );
  }
}
