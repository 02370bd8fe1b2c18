import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { AgencyDirectory } from '#aduan/agencies';
import { orderFieldCheck, type DeadlineSchedule } from '#aduan/complaints';
import type { ComplaintSnapshot } from '#aduan/projections';
import { AgencyTree } from '../../agencies/agency-tree.js';
import { actingOfficeOf } from '../../escalations/ombudsman-office.js';
import { DEADLINE_SCHEDULE } from '../../workflow/workflow.tokens.js';
import { CLOCK, type Clock } from '../../runtime/clock.js';
import { ComplaintRepository } from '../complaint.repository.js';
import { commandContext } from './command-context.js';
import { OrderFieldCheckCommand } from './order-field-check.command.js';

@CommandHandler(OrderFieldCheckCommand)
export class OrderFieldCheckHandler implements ICommandHandler<OrderFieldCheckCommand> {
  constructor(
    private readonly complaints: ComplaintRepository,
    private readonly agencies: AgencyDirectory,
    private readonly tree: AgencyTree,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(DEADLINE_SCHEDULE) private readonly schedule: DeadlineSchedule,
  ) {}

  execute({ input, request }: OrderFieldCheckCommand): Promise<ComplaintSnapshot> {
    const context = commandContext(request, this.clock.now());
    const office = actingOfficeOf(context.caller, this.agencies, this.tree);
    return this.complaints.executeAll(input.complaintId, input.expectedVersion, context, (state) =>
      [
        orderFieldCheck(
          {
            complaintId: input.complaintId,
            reason: input.reason,
            schedule: this.schedule,
            actor: context.caller,
            office,
            now: context.now,
          },
          state,
        ),
      ].flat(),
    );
  }
}
