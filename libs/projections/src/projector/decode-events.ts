import { toComplaintEvent } from '#aduan/complaints';
import type { RecordedEvent } from '#aduan/event-store';
import { describeErrorBriefly } from '#aduan/postgres';
import type { ProjectedEvent } from '../projection.js';

/**
 * Upcasts and decodes a batch, numbering every stored event (decodable or not) so ordinals stay
 * aligned with the global order. Undecodable events are logged and skipped, never fatal.
 */
export function decodeEvents(
  events: readonly RecordedEvent[],
  firstOrdinal: number,
  log: (message: string) => void,
): ProjectedEvent[] {
  const decoded: ProjectedEvent[] = [];
  events.forEach((recorded, index) => {
    try {
      const event = toComplaintEvent({
        type: recorded.type,
        schemaVersion: recorded.metadata.schemaVersion ?? 1,
        data: recorded.data,
      });
      if (!event) return;
      decoded.push({
        eventId: recorded.id,
        event,
        metadata: recorded.metadata,
        streamName: recorded.streamName,
        revision: recorded.revision,
        ordinal: firstOrdinal + index,
        recordedAt: recorded.recordedAt,
      });
    } catch (error) {
      log(`skipped ${recorded.type} ${recorded.id} of ${recorded.streamName}: ${describeErrorBriefly(error)}`);
    }
  });
  return decoded;
}
