import { Command } from '@nestjs/cqrs';
import type { ComplaintSnapshot } from '#aduan/projections';
import type { GraphQLContext } from '../../graphql/graphql-context.js';
import type { HoldComplaintInput } from '../inputs/hold-complaint.input.js';

export class HoldComplaintCommand extends Command<ComplaintSnapshot> {
  constructor(
    readonly input: HoldComplaintInput & { readonly complaintId: string },
    readonly request: GraphQLContext,
  ) {
    super();
  }
}
