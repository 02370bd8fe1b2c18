import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { rateComplaint } from '#aduan/complaints';
import type { ComplaintSnapshot } from '#aduan/projections';
import { CLOCK, type Clock } from '../../runtime/clock.js';
import { ComplaintRepository } from '../complaint.repository.js';
import { commandContext } from './command-context.js';
import { RateComplaintCommand } from './rate-complaint.command.js';

@CommandHandler(RateComplaintCommand)
export class RateComplaintHandler implements ICommandHandler<RateComplaintCommand> {
  constructor(
    private readonly complaints: ComplaintRepository,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  execute({ input, request }: RateComplaintCommand): Promise<ComplaintSnapshot> {
    const context = commandContext(request, this.clock.now());
    return this.complaints.executeAll(input.complaintId, input.expectedVersion, context, (state) =>
      [
        rateComplaint(
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
