import { Inject, Injectable } from '@nestjs/common';
import { complaintStreamName, replay, toComplaintEvent, type Complaint, type ComplaintEvent } from '#aduan/complaints';
import { EVENT_STORE, type EventStore, type RecordedEvent } from '#aduan/event-store';
import { contactToOpen, ReporterIdentities, type ContactToOpen, type ContactView } from '#aduan/reporter-vault';

interface Pending {
  readonly complaint: Complaint;
  readonly events: readonly ComplaintEvent[] | undefined;
  resolve(view: ContactView | null): void;
  reject(error: unknown): void;
}

/**
 * Opens reporters' contacts for views, at the edge, for callers the access rules already let see them.
 * Every contact asked for in one turn of the event loop (a page of complaints resolving its `reporter`
 * fields) is opened with one vault lookup. A complaint whose contact predates sealing (v1) has it read
 * from its submit event; its state holds none.
 */
@Injectable()
export class ReporterContacts {
  private pending: Pending[] = [];

  constructor(
    private readonly identities: ReporterIdentities,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  /**
   * The contact of the complaint as it stands now (so an erasure shows in every earlier state too).
   * `events`: the complaint's events, when the caller has them, spare a v1 contact's store read.
   */
  view(complaint: Complaint, events?: readonly ComplaintEvent[]): Promise<ContactView | null> {
    if (complaint.reporter === null) return Promise.resolve(null);
    return new Promise((resolve, reject) => {
      // setImmediate runs after every resolver of the current turn has asked.
      if (this.pending.length === 0) setImmediate(() => void this.flush());
      this.pending.push({ complaint, events, resolve, reject });
    });
  }

  private async flush(): Promise<void> {
    const batch = this.pending;
    this.pending = [];
    const prepared = await Promise.allSettled(batch.map((item) => this.toOpen(item)));
    const ready = prepared.flatMap((p, index) => (p.status === 'fulfilled' ? [{ index, contact: p.value }] : []));
    let opened: PromiseSettledResult<ContactView | null>[];
    try {
      opened = await this.identities.openSettled(ready.map((r) => r.contact));
    } catch (error) {
      for (const item of batch) item.reject(error);
      return;
    }
    prepared.forEach((p, index) => {
      if (p.status === 'rejected') batch[index]?.reject(p.reason);
    });
    ready.forEach(({ index }, at) => {
      const result = opened[at];
      if (!result) return;
      if (result.status === 'fulfilled') batch[index]?.resolve(result.value);
      else batch[index]?.reject(result.reason);
    });
  }

  private async toOpen({ complaint, events }: Pending): Promise<ContactToOpen> {
    if (complaint.reporter?.form !== 'legacy') return contactToOpen(complaint);
    if (events) return contactToOpen(complaint, events);
    // Read now, so an erasure recorded since the state was loaded is seen.
    const stream = decode(await this.store.readStream(complaintStreamName(complaint.id)));
    const current = replay(stream);
    return contactToOpen(current.status === 'NONE' ? complaint : current, stream);
  }
}

const decode = (recorded: readonly RecordedEvent[]): ComplaintEvent[] =>
  recorded.flatMap((r) => {
    const event = toComplaintEvent({ type: r.type, schemaVersion: r.metadata.schemaVersion ?? 1, data: r.data });
    return event ? [event] : [];
  });
