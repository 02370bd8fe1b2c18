import { randomUUID } from 'node:crypto';
import { trackingCodeFor } from '#aduan/complaints';
import type { NewEvent } from '#aduan/event-store';
import type { Lifecycle } from './sample-lifecycle.js';

/**
 * A copy of a recorded event for another complaint: a new event id, and the complaint's id (and
 * tracking code, on a submit) in place of the recorded one, so projections treat it as real.
 */
export function stampComplaint(event: Lifecycle[number], complaintId: string): NewEvent {
  const data: Record<string, unknown> = { ...event.data, complaintId };
  if ('trackingCode' in data) data.trackingCode = trackingCodeFor(complaintId);
  return { id: randomUUID(), type: event.type, data, metadata: event.metadata };
}
