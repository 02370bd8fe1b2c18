import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { AgencyDirectory } from '#aduan/agencies';
import {
  importSp4nComplaint,
  sp4nComplaintId,
  uuidV5,
  type DeadlineSchedule,
  type ImportSp4nComplaint,
} from '#aduan/complaints';
import type { AppConfig } from '#aduan/infrastructure';
import type { ComplaintSnapshot } from '#aduan/projections';
import { ReporterIdentities } from '#aduan/reporter-vault';
import { APP_CONFIG } from '../config/app-config.token.js';
import { commandContext } from '../complaints/commands/command-context.js';
import { ComplaintRepository } from '../complaints/complaint.repository.js';
import { sealReporter } from '../complaints/seal-reporter.js';
import { CLOCK, type Clock } from '../runtime/clock.js';
import { DEADLINE_SCHEDULE } from '../workflow/workflow.tokens.js';
import { ImportSp4nComplaintCommand } from './import-sp4n-complaint.command.js';

/**
 * Imports are idempotent on the national tracking id: the complaint id derives from it, a retry finds
 * the stream and decides nothing, and concurrent retries race on `no-stream` — the losers reload, find
 * the winner's complaint and answer it. The event id derives from it too, so even a retried append is
 * recognised by the store. The contact is sealed under the complaint's own key (get-or-create), so
 * every retry seals under the key the first import used: whichever sealing the store keeps opens.
 */
@CommandHandler(ImportSp4nComplaintCommand)
export class ImportSp4nComplaintHandler implements ICommandHandler<ImportSp4nComplaintCommand> {
  constructor(
    private readonly complaints: ComplaintRepository,
    private readonly agencies: AgencyDirectory,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(DEADLINE_SCHEDULE) private readonly schedule: DeadlineSchedule,
    private readonly identities: ReporterIdentities,
  ) {}

  async execute({ input, request }: ImportSp4nComplaintCommand): Promise<ComplaintSnapshot> {
    const complaintId = sp4nComplaintId(input.nationalTrackingId);
    const context = {
      ...commandContext(request, this.clock.now()),
      eventId: () => uuidV5(`sp4n-import:${input.nationalTrackingId}`),
    };
    const command: ImportSp4nComplaint = {
      nationalTrackingId: input.nationalTrackingId,
      title: input.title,
      description: input.description,
      type: input.type,
      requestedAgencyCode: input.agencyCode ?? null,
      anonymous: input.anonymous ?? false,
      confidential: input.confidential ?? false,
      receivedAt: input.receivedAt,
      actor: context.caller,
      now: context.now,
      responseDeadline: this.config.responseDeadline,
      agencies: this.agencies,
      schedule: this.schedule,
    };
    // Decided on the stream as it is first: a retry decides nothing and touches no key.
    const { state } = await this.complaints.load(complaintId);
    const reporter = await sealReporter(this.identities, { complaintId, reporterId: null }, input.reporter, () =>
      importSp4nComplaint(command, state),
    );
    return this.complaints.executeAll(complaintId, null, context, (state) =>
      importSp4nComplaint({ ...command, reporter }, state),
    );
  }
}
