import { Inject } from '@nestjs/common';
import { Args, ID, Query, Resolver } from '@nestjs/graphql';
import { AgencyDirectory } from '#aduan/agencies';
import { complaintStreamName, replay, toComplaintEvent, type ComplaintEvent } from '#aduan/complaints';
import { EVENT_STORE, type EventStore, type RecordedEvent } from '#aduan/event-store';
import { contactToOpen, ReporterIdentities } from '#aduan/reporter-vault';
import { AgencyTree } from '../agencies/agency-tree.js';
import { canSeeReporter, officerScopeOf } from '../complaints/complaint-access.js';
import { forbidden, unauthenticated } from '../graphql/api-errors.js';
import { complaintId } from '../graphql/arguments.js';
import type { GraphQLContext } from '../graphql/graphql-context.js';
import { RequestContext } from '../graphql/request-context.decorator.js';
import { toComplaintModel } from '../complaints/complaint-view.js';
import { ComplaintModel } from '../complaints/models/complaint.model.js';

const AUDITORS = new Set(['auditor', 'ombudsman', 'operator']);

@Resolver(() => ComplaintModel)
export class ComplaintAsOfResolver {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(AgencyDirectory) private readonly agencies: AgencyDirectory,
    private readonly identities: ReporterIdentities,
    private readonly tree: AgencyTree,
  ) {}

  @Query(() => ComplaintModel, {
    nullable: true,
    description:
      'The complaint exactly as it stood at `at`, replayed from the event store (events that happened at or before it); ' +
      'null if it did not exist yet. For auditors, the Ombudsman and operators. The reporter is shown as the complaint ' +
      'stands now: an identity erased since `at` reads "[erased]".',
  })
  async complaintAsOf(
    @Args('id', { type: () => ID }) id: string,
    @Args('at', { type: () => Date, description: 'An ISO-8601 instant.' }) at: Date,
    @RequestContext() request: GraphQLContext,
  ): Promise<ComplaintModel | null> {
    if (request.caller.role === 'public') throw unauthenticated();
    if (!AUDITORS.has(request.caller.role))
      throw forbidden('Only auditors, the Ombudsman and operators replay history');
    const recorded = await this.store.readStream(complaintStreamName(complaintId(id)));
    const upTo = recorded.filter((event) => Date.parse(event.metadata.occurredAt) <= at.getTime());
    const state = replay(decode(upTo));
    const last = upTo.at(-1);
    if (state.status === 'NONE' || !last) return null;
    const all = decode(recorded);
    const now = replay(all);
    if (now.status === 'NONE') return null;
    const shown = { ...state, reporter: now.reporter };
    const showReporter = canSeeReporter(request.caller, now, officerScopeOf(request.caller, this.tree));
    const [contact = null] = showReporter ? await this.identities.open([contactToOpen(now, all)]) : [];
    // Who may see the reporter is decided on the complaint as it stands now (privacy raised since
    // `at` applies), like the contact itself.
    return { ...toComplaintModel({ state: shown, version: last.revision }, this.agencies), openedReporter: contact };
  }
}

const decode = (events: readonly RecordedEvent[]): ComplaintEvent[] =>
  events.flatMap((event) => {
    const decoded = toComplaintEvent({
      type: event.type,
      schemaVersion: event.metadata.schemaVersion ?? 1,
      data: event.data,
    });
    return decoded ? [decoded] : [];
  });
