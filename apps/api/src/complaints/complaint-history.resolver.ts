import { Inject } from '@nestjs/common';
import { Args, ID, Query, Resolver } from '@nestjs/graphql';
import { AgencyDirectory } from '#aduan/agencies';
import {
  complaintStreamName,
  evolve,
  initialState,
  replay,
  type Complaint,
  type ComplaintState,
} from '#aduan/complaints';
import { EVENT_STORE, type EventStore, type RecordedEvent } from '#aduan/event-store';
import type { Caller } from '#aduan/identity';
import { contactToOpen, ReporterIdentities, type ContactView } from '#aduan/reporter-vault';
import { complaintId } from '../graphql/arguments.js';
import type { GraphQLContext } from '../graphql/graphql-context.js';
import { RequestContext } from '../graphql/request-context.decorator.js';
import { AgencyTree } from '../agencies/agency-tree.js';
import { readableEvents, redactEvent } from '../audit/redact-event.js';
import { assertCanView, canSeeReporter, officerScopeOf } from './complaint-access.js';
import { toComplaintModel } from './complaint-view.js';
import { ComplaintEventModel } from './models/complaint-event.model.js';
import type { ComplaintModel } from './models/complaint.model.js';

@Resolver(() => ComplaintEventModel)
export class ComplaintHistoryResolver {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly tree: AgencyTree,
    @Inject(AgencyDirectory) private readonly agencies: AgencyDirectory,
    private readonly identities: ReporterIdentities,
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
    const readable = readableEvents(recorded);
    const decoded = readable.flatMap(({ decoded }) => (decoded ? [decoded] : []));
    const state = replay(decoded);
    if (state.status === 'NONE') return [];
    const scope = officerScopeOf(request.caller, this.tree);
    assertCanView(request.caller, state, scope);
    const showReporter = canSeeReporter(request.caller, state, scope);
    // Opened once, from the complaint as it stands now: an erasure hides the contact in every event and
    // every earlier state, not only from the moment it was recorded.
    const [contact = null] = showReporter ? await this.identities.open([contactToOpen(state, decoded)]) : [];
    // Each event's state after it, folded with the domain's own evolve. Whether the reporter shows is
    // decided once, on the complaint as it stands now, exactly as for `complaint`.
    let after: ComplaintState = initialState();
    return readable.map((event) => {
      if (event.decoded) after = evolve(after, event.decoded);
      return {
        ...toEventModel(redactEvent(event, state, showReporter, contact)),
        stateAfter:
          after.status === 'NONE'
            ? null
            : this.stateModel(after, state, event.recorded.revision, showReporter, contact),
      };
    });
  }

  private stateModel(
    after: Complaint,
    now: Complaint,
    version: number,
    showReporter: boolean,
    contact: ContactView | null,
  ): ComplaintModel {
    const shown = { ...after, reporter: showReporter ? now.reporter : null };
    return {
      ...toComplaintModel({ state: shown, version }, this.agencies),
      reporterAccess: showReporter,
      openedReporter: showReporter ? contact : null,
    };
  }
}

/** An event already redacted for the caller (redactEvent, shared with the JSON Lines exports). */
function toEventModel(r: RecordedEvent): ComplaintEventModel {
  const actor = r.metadata.actor;
  return {
    eventId: r.id,
    position: r.position.toString(),
    revision: r.revision,
    type: r.type,
    schemaVersion: r.metadata.schemaVersion ?? 1,
    occurredAt: new Date(r.metadata.occurredAt),
    recordedAt: r.recordedAt,
    actor: {
      id: actor.id,
      role: actor.role as Caller['role'],
      agencyCode: actor.agencyCode ?? null,
    },
    correlationId: r.metadata.correlationId,
    causationId: r.metadata.causationId,
    data: r.data,
  };
}
