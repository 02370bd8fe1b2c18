import { randomUUID } from 'node:crypto';
import type { AllStreamResolvedEvent, EventData, ResolvedEvent } from '@kurrent/kurrentdb-client';
// The client's own converters from what the server sends to what the adapter gets: the Rust bridge's (stream
// and $all reads) and the gRPC one (subscriptions). Not part of its public index, so imported by path.
import { convertRustEvent } from '@kurrent/kurrentdb-client/dist/utils/convertRustEvent.js';
import { convertGrpcEvent } from '@kurrent/kurrentdb-client/dist/utils/convertGrpcEvent.js';
import { ReadResp } from '@kurrent/kurrentdb-client/generated/kurrentdb/protocols/v1/streams_pb.js';
import { StreamIdentifier, UUID } from '@kurrent/kurrentdb-client/generated/kurrentdb/protocols/v1/shared_pb.js';
import type { NewEvent } from '../event-store.port.js';
import {
  CAUSATION_ID,
  CORRELATION_ID,
  eventPosition,
  toEventData,
  toEventMetadata,
  toRecordedEvent,
} from './event-mapping.js';

const submitted: NewEvent = {
  id: randomUUID(),
  type: 'ComplaintSubmitted',
  data: { title: 'Jalan rusak — "urgent"', nested: { tags: ['jalan'], priority: 2, note: null } },
  metadata: {
    correlationId: randomUUID(),
    causationId: randomUUID(),
    actor: { id: 'citizen-1', role: 'citizen', agencyCode: null },
    occurredAt: '2025-01-15T08:30:00.000Z',
    schemaVersion: 2,
    hashChain: 'abc123',
  },
};

const created = new Date('2025-01-15T08:30:01.234Z');
const position = { commit: 9_007_199_254_740_993n, prepare: 9_007_199_254_740_993n };

/** The bytes the client sends: JSON data and metadata encoded, binary as is, no metadata as none (batchAppend). */
function bytes(value: unknown): Uint8Array {
  if (value === undefined) return new Uint8Array();
  if (value instanceof Uint8Array) return value;
  return new Uint8Array(Buffer.from(JSON.stringify(value), 'utf8'));
}

/** What a stream or $all read yields for a stored event, built by the client's bridge converter. */
function readThroughBridge(event: EventData, streamId: string, revision: bigint): ResolvedEvent {
  return convertRustEvent({
    event: {
      streamId,
      id: event.id,
      type: event.type,
      isJson: event.contentType === 'application/json',
      revision,
      created: created.getTime(),
      data: bytes(event.data),
      metadata: bytes(event.metadata),
      position,
    },
    commitPosition: position.commit,
  });
}

/** What a subscription yields for a stored event, built from the protobuf message by the client. */
function readThroughGrpc(event: EventData, streamId: string, revision: bigint): AllStreamResolvedEvent {
  const recorded = new ReadResp.ReadEvent.RecordedEvent();
  recorded.setId(new UUID().setString(event.id));
  recorded.setStreamIdentifier(new StreamIdentifier().setStreamName(Buffer.from(streamId, 'utf8')));
  recorded.setStreamRevision(revision.toString());
  recorded.setCommitPosition(position.commit.toString());
  recorded.setPreparePosition(position.prepare.toString());
  recorded.getMetadataMap().set('type', event.type);
  recorded.getMetadataMap().set('content-type', event.contentType);
  // "created" travels as 100 ns ticks since the Unix epoch.
  recorded.getMetadataMap().set('created', (BigInt(created.getTime()) * 10_000n).toString());
  recorded.setData(bytes(event.data));
  recorded.setCustomMetadata(bytes(event.metadata));
  const readEvent = new ReadResp.ReadEvent();
  readEvent.setEvent(recorded);
  readEvent.setCommitPosition(position.commit.toString());
  return convertGrpcEvent(readEvent) as AllStreamResolvedEvent;
}

describe('KurrentDB event mapping', () => {
  it('appends JSON events under the writer’s id with correlation and causation under the reserved names', () => {
    const data = toEventData(submitted);

    expect(data).toEqual({
      id: submitted.id,
      contentType: 'application/json',
      type: 'ComplaintSubmitted',
      data: submitted.data,
      metadata: {
        [CORRELATION_ID]: submitted.metadata.correlationId,
        [CAUSATION_ID]: submitted.metadata.causationId,
        actor: submitted.metadata.actor,
        occurredAt: '2025-01-15T08:30:00.000Z',
        schemaVersion: 2,
        hashChain: 'abc123',
      },
    });
    expect(CORRELATION_ID).toBe('$correlationId');
    expect(CAUSATION_ID).toBe('$causationId');
  });

  it.each([
    ['a stream or $all read (bridge)', readThroughBridge],
    ['a subscription (gRPC)', readThroughGrpc],
  ])('reads an event back from %s as it was appended, with its place in the store', (_, read) => {
    const recorded = toRecordedEvent(read(toEventData(submitted), 'complaint-42', 3n));

    expect(recorded).toEqual({
      ...submitted,
      streamName: 'complaint-42',
      revision: 3,
      position: 9_007_199_254_740_993n,
      checkpoint: 'kurrentdb:9007199254740993:9007199254740993',
      recordedAt: created,
    });
  });

  it('keeps a metadata key that merely starts with "$" as it is', () => {
    const event: NewEvent = { ...submitted, metadata: { ...submitted.metadata, $custom: 1 } };

    expect(toRecordedEvent(readThroughBridge(toEventData(event), 'complaint-1', 0n)).metadata).toEqual(event.metadata);
  });

  it('returns metadata without the reserved names as it is, as the other stores would', () => {
    const foreign: EventData = { ...toEventData(submitted), metadata: { source: 'elsewhere' } };
    const bare: EventData = { ...toEventData(submitted), metadata: undefined };

    expect(toRecordedEvent(readThroughBridge(foreign, 'complaint-1', 0n)).metadata).toEqual({ source: 'elsewhere' });
    expect(toRecordedEvent(readThroughBridge(bare, 'complaint-1', 0n)).metadata).toEqual({});
  });

  it('refuses what no Aduan writer can have stored, rather than skipping it', () => {
    const binary: EventData = {
      id: randomUUID(),
      contentType: 'application/octet-stream',
      type: 'Blob',
      data: new Uint8Array([1, 2]),
      metadata: undefined,
    };

    expect(() => toRecordedEvent(readThroughBridge(binary, 'complaint-1', 0n))).toThrow(/not a JSON object event/);
    expect(() => toRecordedEvent({ commitPosition: 1n })).toThrow(/link to a deleted event/);
    expect(() => toEventMetadata([1, 2], 'Event x')).toThrow(/not a JSON object/);
  });

  it("falls back to the resolved event's commit position when the record carries none", () => {
    const resolved = readThroughBridge(toEventData(submitted), 'complaint-1', 0n);
    const withoutPosition: ResolvedEvent = { ...resolved, event: { ...resolved.event!, position: undefined } };

    expect(eventPosition(withoutPosition)).toEqual({ commit: position.commit, prepare: position.commit });
    expect(eventPosition({ event: withoutPosition.event })).toBeUndefined();
    expect(() => toRecordedEvent({ event: withoutPosition.event })).toThrow(/without its \$all position/);
  });
});
