import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { closeComplaint } from '#aduan/complaints';
import type { ComplaintSnapshot } from '#aduan/projections';
import { CLOCK, type Clock } from '../../runtime/clock.js';
import { ComplaintRepository } from '../complaint.repository.js';
import { commandContext } from './command-context.js';
import { CloseComplaintCommand } from './close-complaint.command.js';

@CommandHandler(CloseComplaintCommand)
export class CloseComplaintHandler implements ICommandHandler<CloseComplaintCommand> {
  constructor(
    private readonly complaints: ComplaintRepository,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  execute({ input, request }: CloseComplaintCommand): Promise<ComplaintSnapshot> {
    const context = commandContext(request, this.clock.now());
    return this.complaints.executeAll(input.complaintId, input.expectedVersion, context, (state) =>
      [
        closeComplaint(
          {
            complaintId: input.complaintId,
            rating: input.rating,
            comment: input.comment,
            accessKey: input.accessKey,
            actor: context.caller,
            now: context.now,
          },
          state,
        ),
      ].flat(),
    );
  }
}
