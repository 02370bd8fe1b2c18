import { Inject } from '@nestjs/common';
import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { verifyStream } from '#aduan/audit';
import { complaintStreamName } from '#aduan/complaints';
import { EVENT_STORE, type EventStore } from '#aduan/event-store';
import { ComplaintModel } from '../complaints/models/complaint.model.js';
import { IntegrityModel } from './integrity.model.js';

/** Adds `integrity` to Complaint: the chain is checked from the store on demand, never from a read model. */
@Resolver(() => ComplaintModel)
export class ComplaintIntegrityResolver {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  @ResolveField(() => IntegrityModel, {
    description: "Checks this complaint's hash chain in the event store (one read of its stream).",
  })
  async integrity(@Parent() complaint: ComplaintModel): Promise<IntegrityModel> {
    const result = verifyStream(await this.store.readStream(complaintStreamName(complaint.id)));
    return {
      ok: result.ok,
      eventsChecked: result.events,
      headHash: result.head.hash,
      firstBrokenRevision: result.firstBroken?.revision ?? null,
      reason: result.firstBroken?.reason ?? null,
    };
  }
}
