import { toComplaintEvent } from '#aduan/complaints';
import type { RecordedEvent } from '#aduan/event-store';
import type { ContactView } from '#aduan/reporter-vault';
import { gistOf } from './event-gist.js';

export interface TimelineOptions {
  /** Print the reporter's contact and their own texts; off by default so a terminal session leaks no personal data. */
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
    const gist = event ? gistOf(event, options) : '(not a complaint event)';
    return `${when}  #${String(recorded.revision).padEnd(3)} ${recorded.type.padEnd(20)} by ${who}\n${' '.repeat(28)}${gist}`;
  });
}
