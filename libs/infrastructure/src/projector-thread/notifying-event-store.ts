import type {
  AppendResult,
  Checkpoint,
  EventStore,
  ExpectedRevision,
  NewEvent,
  ReadAllResult,
  RecordedEvent,
  SubscribeOptions,
  Subscription,
} from '#aduan/event-store';

/** The event store as given, telling `onAppended` after every append that committed. */
export class NotifyingEventStore implements EventStore {
  constructor(
    private readonly inner: EventStore,
    private readonly onAppended: () => void,
  ) {}

  async append(streamName: string, events: readonly NewEvent[], expected?: ExpectedRevision): Promise<AppendResult> {
    const result = await this.inner.append(streamName, events, expected);
    this.onAppended();
    return result;
  }

  readStream(streamName: string, fromRevision?: number): Promise<readonly RecordedEvent[]> {
    return this.inner.readStream(streamName, fromRevision);
  }

  readAll(from: Checkpoint, batchSize: number): Promise<ReadAllResult> {
    return this.inner.readAll(from, batchSize);
  }

  subscribe(from: Checkpoint, options: SubscribeOptions): Subscription {
    return this.inner.subscribe(from, options);
  }

  close(): Promise<void> {
    return this.inner.close();
  }
}
