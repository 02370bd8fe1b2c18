import { Inject } from '@nestjs/common';
import { Args, ID, Query, Resolver } from '@nestjs/graphql';
import { AgencyDirectory } from '#aduan/agencies';
import { complaintStreamName, replay, toComplaintEvent } from '#aduan/complaints';
import { EVENT_STORE, type EventStore } from '#aduan/event-store';
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
  ) {}

  @Query(() => ComplaintModel, {
    nullable: true,
    description:
      'The complaint exactly as it stood at `at`, replayed from the event store (events that happened at or before it); ' +
      'null if it did not exist yet. For auditors, the Ombudsman and operators.',
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
    const state = replay(
      upTo.flatMap((event) => {
        const decoded = toComplaintEvent({
          type: event.type,
          schemaVersion: event.metadata.schemaVersion ?? 1,
          data: event.data,
        });
        return decoded ? [decoded] : [];
      }),
    );
    const last = upTo.at(-1);
    if (state.status === 'NONE' || !last) return null;
    return toComplaintModel({ state, version: last.revision }, this.agencies);
  }
}
