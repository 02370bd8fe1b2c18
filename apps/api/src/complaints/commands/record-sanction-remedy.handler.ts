import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { AgencyDirectory } from '#aduan/agencies';
import { recordSanctionRemedy } from '#aduan/complaints';
import type { ComplaintSnapshot } from '#aduan/projections';
import { AgencyTree } from '../../agencies/agency-tree.js';
import { actingOfficeOf } from '../../escalations/ombudsman-office.js';
import { CLOCK, type Clock } from '../../runtime/clock.js';
import { ComplaintRepository } from '../complaint.repository.js';
import { commandContext } from './command-context.js';
import { RecordSanctionRemedyCommand } from './record-sanction-remedy.command.js';

@CommandHandler(RecordSanctionRemedyCommand)
export class RecordSanctionRemedyHandler implements ICommandHandler<RecordSanctionRemedyCommand> {
  constructor(
    private readonly complaints: ComplaintRepository,
    private readonly agencies: AgencyDirectory,
    private readonly tree: AgencyTree,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  execute({ input, request }: RecordSanctionRemedyCommand): Promise<ComplaintSnapshot> {
    const context = commandContext(request, this.clock.now());
    const office = actingOfficeOf(context.caller, this.agencies, this.tree);
    return this.complaints.executeAll(input.complaintId, input.expectedVersion, context, (state) =>
      [
        recordSanctionRemedy(
          { complaintId: input.complaintId, note: input.note, actor: context.caller, office, now: context.now },
          state,
        ),
      ].flat(),
    );
  }
}
