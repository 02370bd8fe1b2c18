import { toComplaintEvent, type ComplaintEvent } from '#aduan/complaints';
import type { RecordedEvent } from '#aduan/event-store';
import type { ContactView } from '#aduan/reporter-vault';

export interface TimelineOptions {
  /** Print the reporter's contact; off by default so a terminal session leaks no personal data. */
  readonly showReporter: boolean;
  /**
   * The contact opened from the complaint as it stands now (never read from the event itself, which
   * holds it sealed, or in clear in a v1 event that may have been erased since). Needed with showReporter.
   */
  readonly contact?: ContactView | null;
}

/** A complaint's stream as lines a person can read: when, what, who, and the gist of the data. */
export function renderTimeline(events: readonly RecordedEvent[], options: TimelineOptions): string[] {
  return events.map((recorded) => {
    const when = recorded.metadata.occurredAt.replace('T', ' ').replace(/\.\d+Z$/, ' UTC');
    const actor = recorded.metadata.actor;
    const who = `${actor.role} ${actor.id}${actor.agencyCode ? ` (${actor.agencyCode})` : ''}`;
    const event = toComplaintEvent({
      type: recorded.type,
      schemaVersion: recorded.metadata.schemaVersion ?? 1,
      data: recorded.data,
    });
    const gist = event ? describe(event, options) : '(not a complaint event)';
    return `${when}  #${String(recorded.revision).padEnd(3)} ${recorded.type.padEnd(20)} by ${who}\n${' '.repeat(28)}${gist}`;
  });
}

function describe(event: ComplaintEvent, options: TimelineOptions): string {
  switch (event.type) {
    case 'ComplaintSubmitted': {
      const d = event.data;
      const flags = [d.anonymous && 'anonymous', d.confidential && 'confidential'].filter(Boolean).join(', ');
      const reporter = d.reporter
        ? options.showReporter
          ? ` reporter: ${contactLine(options.contact ?? null)}`
          : ' reporter: [hidden; --show-reporter]'
        : '';
      return (
        `${d.trackingCode} ${d.complaintType} via ${d.channel}: "${d.title}"` +
        `${d.requestedAgencyCode ? ` to ${d.requestedAgencyCode}` : ''}; due ${d.dueAt}` +
        `${flags ? ` [${flags}]` : ''}${reporter}`
      );
    }
    case 'ComplaintForwarded':
      return `${event.data.fromAgencyCode ?? 'triage'} → ${event.data.toAgencyCode}${event.data.note ? `: "${event.data.note}"` : ''}`;
    case 'ComplaintResponded':
      return `${event.data.agencyCode} answered ${event.data.onTime ? 'on time' : 'LATE'}: "${event.data.message}"`;
    case 'ComplaintEscalated':
      return `to the Ombudsman (${event.data.source}${event.data.agencyCode ? `, held by ${event.data.agencyCode}` : ''}): "${event.data.reason}"`;
    case 'ComplaintSanctioned':
      return `${event.data.kind} for ${event.data.sanctionedAgencyCode}${event.data.officialName ? ` (${event.data.officialName})` : ''}: "${event.data.reason}"`;
    case 'ReporterIdentityErased':
      return "the reporter's identity erased: their contact reads [erased] everywhere";
    default:
      return JSON.stringify((event as { data: unknown }).data);
  }
}

function contactLine(contact: ContactView | null): string {
  if (!contact) return '(not opened)';
  if (contact.erased) return '[erased]';
  return [contact.name, contact.email, contact.phone].filter(Boolean).join(' · ');
}
