import { Inject, Injectable } from '@nestjs/common';
import { AgencyDirectory } from '#aduan/agencies';
import {
  accessKeyMatches,
  ComplaintAlreadyExists,
  submitComplaint,
  trackingCodeFor,
  uuidV5,
  workflowOf,
  type Complaint,
  type DeadlineSchedule,
  type SubmitComplaint,
} from '#aduan/complaints';
import type { AppConfig } from '#aduan/infrastructure';
import { accessKeyOf, complaintIdOf, parseReport, replyText, type IncomingMessage } from '#aduan/intake';
import { ReporterIdentities } from '#aduan/reporter-vault';
import { ComplaintRepository } from '../complaints/complaint.repository.js';
import { sealReporter } from '../complaints/seal-reporter.js';
import { APP_CONFIG } from '../config/app-config.token.js';
import { CLOCK, type Clock } from '../runtime/clock.js';
import { DEADLINE_SCHEDULE } from '../workflow/workflow.tokens.js';

export interface IntakeResult {
  readonly complaintId: string;
  readonly trackingCode: string;
  /** The reporter's access key; null only if the channel's secret changed since the first delivery. */
  readonly accessKey: string | null;
  readonly agencyCode: string | null;
  /** True when the message was delivered before: the first complaint is answered and nothing is written. */
  readonly duplicate: boolean;
  /** What to send back to the reporter. */
  readonly reply: string;
}

// Indonesian numbers as providers send them (+62…, 62…, 0…); others are kept out of the contact.
const INDONESIAN_PHONE = /^(?:\+?62|0)\d{7,13}$/;

/**
 * Turns a provider's message into a complaint, exactly once per message: the complaint id is derived
 * from the message id, so a redelivery finds the complaint the first delivery made and writes nothing.
 * The sender's name and number are sealed under the complaint's own key before the event is written.
 */
@Injectable()
export class IntakeService {
  constructor(
    private readonly complaints: ComplaintRepository,
    @Inject(AgencyDirectory) private readonly agencies: AgencyDirectory,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(DEADLINE_SCHEDULE) private readonly schedule: DeadlineSchedule,
    private readonly identities: ReporterIdentities,
  ) {}

  async receive(message: IncomingMessage, secret: string): Promise<IntakeResult> {
    const complaintId = complaintIdOf(message);
    const accessKey = accessKeyOf(secret, message);
    const report = parseReport(message.text, this.agencies);
    const gateway = { id: `${message.channel.toLowerCase()}-gateway`, role: 'public' as const, agencyCode: null };
    const now = this.clock.now();
    const phone = message.from.replace(/[\s\-().]/g, '');
    const command: SubmitComplaint = {
      complaintId,
      trackingCode: trackingCodeFor(complaintId),
      title: report.title,
      description: report.description,
      type: 'COMPLAINT',
      channel: message.channel,
      requestedAgencyCode: report.agencyCode,
      actor: gateway,
      now,
      responseDeadline: this.config.responseDeadline,
      agencies: this.agencies,
      accessKey,
      schedule: this.schedule,
    };
    let complaint: Complaint;
    let duplicate = false;
    try {
      // Decided on the stream as it is first, so a redelivery touches no key (not even after an erasure).
      const { state: current } = await this.complaints.load(complaintId);
      const reporter = await sealReporter(
        this.identities,
        { complaintId, reporterId: null },
        { name: message.senderName?.slice(0, 200) ?? null, phone: INDONESIAN_PHONE.test(phone) ? phone : null },
        () => submitComplaint(command, current),
      );
      const snapshot = await this.complaints.execute(
        complaintId,
        null,
        {
          caller: gateway,
          correlationId: `intake-${message.channel.toLowerCase()}-${complaintId}`,
          commandId: uuidV5(`intake-command:${complaintId}`),
          now,
          eventId: () => uuidV5(`intake-event:${complaintId}`),
        },
        (state) => submitComplaint({ ...command, reporter }, state),
      );
      complaint = snapshot.state;
    } catch (error) {
      if (!(error instanceof ComplaintAlreadyExists)) throw error;
      const { state } = await this.complaints.load(complaintId);
      if (state.status === 'NONE') throw error;
      complaint = state;
      duplicate = true;
    }
    const hash = workflowOf(complaint).accessKeyHash;
    const key = accessKeyMatches(accessKey, hash) ? accessKey : null;
    return {
      complaintId,
      trackingCode: complaint.trackingCode,
      accessKey: key,
      agencyCode: complaint.requestedAgencyCode,
      duplicate,
      reply: replyText({
        trackingCode: complaint.trackingCode,
        accessKey: key,
        agencyName: complaint.requestedAgencyCode
          ? (this.agencies.get(complaint.requestedAgencyCode)?.name ?? null)
          : null,
      }),
    };
  }
}
