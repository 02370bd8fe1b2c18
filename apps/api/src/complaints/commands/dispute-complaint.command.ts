import { Command } from '@nestjs/cqrs';
import type { ComplaintSnapshot } from '#aduan/projections';
import type { GraphQLContext } from '../../graphql/graphql-context.js';
import type { DisputeComplaintInput } from '../inputs/dispute-complaint.input.js';

export class DisputeComplaintCommand extends Command<ComplaintSnapshot> {
  constructor(
    readonly input: DisputeComplaintInput & { readonly complaintId: string },
    readonly request: GraphQLContext,
  ) {
    super();
  }
}
