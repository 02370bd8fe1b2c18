import { Inject } from '@nestjs/common';
import { Args, ID, Query, Resolver } from '@nestjs/graphql';
import { complaintStreamName, replay, toComplaintEvent, type Complaint } from '#aduan/complaints';
import { EVENT_STORE, type EventStore, type RecordedEvent } from '#aduan/event-store';
import type { Caller } from '#aduan/identity';
import { complaintId } from '../graphql/arguments.js';
import type { GraphQLContext } from '../graphql/graphql-context.js';
import { RequestContext } from '../graphql/request-context.decorator.js';
import { AgencyTree } from '../agencies/agency-tree.js';
import { assertCanView, canSeeReporter, officerScopeOf } from './complaint-access.js';
import { ComplaintEventModel } from './models/complaint-event.model.js';

@Resolver(() => ComplaintEventModel)
export class ComplaintHistoryResolver {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly tree: AgencyTree,
  ) {}

  @Query(() => [ComplaintEventModel], {
    description: "A complaint's events from the store, oldest first; empty when it does not exist.",
  })
  async complaintHistory(
    @Args('id', { type: () => ID }) id: string,
    @RequestContext() request: GraphQLContext,
  ): Promise<ComplaintEventModel[]> {
    const recorded = await this.store.readStream(complaintStreamName(complaintId(id)));
    if (recorded.length === 0) return [];
    const decoded = recorded.map((r) =>
      toComplaintEvent({ type: r.type, schemaVersion: r.metadata.schemaVersion ?? 1, data: r.data }),
    );
    const state = replay(decoded.filter((event) => event !== null));
    if (state.status === 'NONE') return [];
    const scope = officerScopeOf(request.caller, this.tree);
    assertCanView(request.caller, state, scope);
    const showReporter = canSeeReporter(request.caller, state, scope);
    return recorded.map((r, i) => toEventModel(r, decoded[i]?.data ?? r.data, state, showReporter));
  }
}

/** Redacts the reporter's contact and account id wherever the caller may not see the reporter. */
function toEventModel(
  r: RecordedEvent,
  upcastData: object,
  complaint: Complaint,
  showReporter: boolean,
): ComplaintEventModel {
  const actor = r.metadata.actor;
  const revealsReporter = !showReporter && complaint.reporterId !== null && actor.id === complaint.reporterId;
  const data: Record<string, unknown> =
    !showReporter && r.type === 'ComplaintSubmitted'
      ? { ...upcastData, reporter: null, reporterId: null }
      : { ...upcastData };
  // The access key's hash serves no reader: it is never shown, to anyone.
  if (r.type === 'ComplaintSubmitted') delete data.accessKeyHash;
  return {
    eventId: r.id,
    position: r.position.toString(),
    revision: r.revision,
    type: r.type,
    schemaVersion: r.metadata.schemaVersion ?? 1,
    occurredAt: new Date(r.metadata.occurredAt),
    recordedAt: r.recordedAt,
    actor: {
      id: revealsReporter ? 'redacted' : actor.id,
      role: actor.role as Caller['role'],
      agencyCode: actor.agencyCode ?? null,
    },
    correlationId: r.metadata.correlationId,
    causationId: r.metadata.causationId,
    data,
  };
}
