import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { eraseReporterIdentity, type ComplaintState } from '#aduan/complaints';
import type { ComplaintSnapshot } from '#aduan/projections';
import { ReporterIdentities } from '#aduan/reporter-vault';
import { CLOCK, type Clock } from '../../runtime/clock.js';
import { ComplaintRepository } from '../complaint.repository.js';
import { commandContext } from './command-context.js';
import { EraseReporterIdentityCommand } from './erase-reporter-identity.command.js';

/**
 * Erasure is crypto-shredding: the data keys go first (the complaint's, and its account's live key),
 * then the event records it. A crash in between leaves the identity erased but unrecorded, and a retry
 * records it; the opposite order could record an erasure whose key still opens the contact. An
 * already erased complaint decides nothing and touches no key.
 */
@CommandHandler(EraseReporterIdentityCommand)
export class EraseReporterIdentityHandler implements ICommandHandler<EraseReporterIdentityCommand> {
  constructor(
    private readonly complaints: ComplaintRepository,
    private readonly identities: ReporterIdentities,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ complaintId, request }: EraseReporterIdentityCommand): Promise<ComplaintSnapshot> {
    const context = commandContext(request, this.clock.now());
    const decide = (state: ComplaintState) =>
      eraseReporterIdentity({ complaintId, actor: context.caller, now: context.now }, state);
    const { state } = await this.complaints.load(complaintId);
    // Refuses anyone but an operator, and an unknown complaint, before a key is touched.
    if (decide(state).length > 0 && state.status !== 'NONE') {
      await this.identities.erase({ complaintId, reporterId: state.reporterId }, state.reporter, context.now);
    }
    return this.complaints.executeAll(complaintId, null, context, decide);
  }
}
