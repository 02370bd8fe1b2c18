import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { AgencyDirectory } from '#aduan/agencies';
import { reportRecommendationImplementation } from '#aduan/complaints';
import type { ComplaintSnapshot } from '#aduan/projections';
import { AgencyTree } from '../../agencies/agency-tree.js';
import { actingOfficeOf } from '../../escalations/ombudsman-office.js';
import { CLOCK, type Clock } from '../../runtime/clock.js';
import { ComplaintRepository } from '../complaint.repository.js';
import { commandContext } from './command-context.js';
import { ReportRecommendationImplementationCommand } from './report-recommendation-implementation.command.js';

@CommandHandler(ReportRecommendationImplementationCommand)
export class ReportRecommendationImplementationHandler implements ICommandHandler<ReportRecommendationImplementationCommand> {
  constructor(
    private readonly complaints: ComplaintRepository,
    private readonly agencies: AgencyDirectory,
    private readonly tree: AgencyTree,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  execute({ input, request }: ReportRecommendationImplementationCommand): Promise<ComplaintSnapshot> {
    const context = commandContext(request, this.clock.now());
    const office = actingOfficeOf(context.caller, this.agencies, this.tree);
    return this.complaints.execute(input.complaintId, input.expectedVersion, context, (state) =>
      reportRecommendationImplementation(
        {
          complaintId: input.complaintId,
          note: input.note,
          actor: context.caller,
          office,
          now: context.now,
          agencies: this.tree,
        },
        state,
      ),
    );
  }
}
