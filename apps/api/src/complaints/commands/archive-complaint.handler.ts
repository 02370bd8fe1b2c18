import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { archiveComplaint } from '#aduan/complaints';
import type { ComplaintSnapshot } from '#aduan/projections';
import { CLOCK, type Clock } from '../../runtime/clock.js';
import { ComplaintRepository } from '../complaint.repository.js';
import { commandContext } from './command-context.js';
import { ArchiveComplaintCommand } from './archive-complaint.command.js';

@CommandHandler(ArchiveComplaintCommand)
export class ArchiveComplaintHandler implements ICommandHandler<ArchiveComplaintCommand> {
  constructor(
    private readonly complaints: ComplaintRepository,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  execute({ input, request }: ArchiveComplaintCommand): Promise<ComplaintSnapshot> {
    const context = commandContext(request, this.clock.now());
    return this.complaints.executeAll(input.complaintId, input.expectedVersion, context, (state) =>
      [
        archiveComplaint(
          {
            complaintId: input.complaintId,
            reason: input.reason,
            note: input.note,
            duplicateOfId: input.duplicateOfId,
            actor: context.caller,
            now: context.now,
          },
          state,
        ),
      ].flat(),
    );
  }
}
