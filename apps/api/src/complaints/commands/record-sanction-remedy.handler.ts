import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { recordSanctionRemedy } from '#aduan/complaints';
import type { ComplaintSnapshot } from '#aduan/projections';
import { CLOCK, type Clock } from '../../runtime/clock.js';
import { ComplaintRepository } from '../complaint.repository.js';
import { commandContext } from './command-context.js';
import { RecordSanctionRemedyCommand } from './record-sanction-remedy.command.js';

@CommandHandler(RecordSanctionRemedyCommand)
export class RecordSanctionRemedyHandler implements ICommandHandler<RecordSanctionRemedyCommand> {
  constructor(
    private readonly complaints: ComplaintRepository,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  execute({ input, request }: RecordSanctionRemedyCommand): Promise<ComplaintSnapshot> {
    const context = commandContext(request, this.clock.now());
    return this.complaints.executeAll(input.complaintId, input.expectedVersion, context, (state) =>
      [
        recordSanctionRemedy(
          { complaintId: input.complaintId, note: input.note, actor: context.caller, now: context.now },
          state,
        ),
      ].flat(),
    );
  }
}
