import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { AgencyDirectory } from '#aduan/agencies';
import { sanctionComplaint, type DeadlineSchedule } from '#aduan/complaints';
import type { ComplaintSnapshot } from '#aduan/projections';
import { AgencyTree } from '../../agencies/agency-tree.js';
import { actingOfficeOf } from '../../escalations/ombudsman-office.js';
import { CLOCK, type Clock } from '../../runtime/clock.js';
import { ComplaintRepository } from '../complaint.repository.js';
import { commandContext } from './command-context.js';
import { DEADLINE_SCHEDULE } from '../../workflow/workflow.tokens.js';
import { SanctionComplaintCommand } from './sanction-complaint.command.js';

@CommandHandler(SanctionComplaintCommand)
export class SanctionComplaintHandler implements ICommandHandler<SanctionComplaintCommand> {
  constructor(
    private readonly complaints: ComplaintRepository,
    private readonly agencies: AgencyDirectory,
    private readonly tree: AgencyTree,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(DEADLINE_SCHEDULE) private readonly schedule: DeadlineSchedule,
  ) {}

  execute({ input, request }: SanctionComplaintCommand): Promise<ComplaintSnapshot> {
    const context = commandContext(request, this.clock.now());
    const office = actingOfficeOf(context.caller, this.agencies, this.tree);
    return this.complaints.execute(input.complaintId, input.expectedVersion, context, (state) =>
      sanctionComplaint(
        {
          complaintId: input.complaintId,
          sanctionedAgencyCode: input.sanctionedAgencyCode,
          officialName: input.officialName,
          kind: input.kind,
          reason: input.reason,
          actor: context.caller,
          office,
          now: context.now,
          agencies: this.agencies,
          schedule: this.schedule,
        },
        state,
      ),
    );
  }
}
