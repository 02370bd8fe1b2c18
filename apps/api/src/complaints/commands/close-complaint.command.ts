import { Command } from '@nestjs/cqrs';
import type { ComplaintSnapshot } from '#aduan/projections';
import type { GraphQLContext } from '../../graphql/graphql-context.js';
import type { CloseComplaintInput } from '../inputs/close-complaint.input.js';

export class CloseComplaintCommand extends Command<ComplaintSnapshot> {
  constructor(
    readonly input: CloseComplaintInput & { readonly complaintId: string },
    readonly request: GraphQLContext,
  ) {
    super();
  }
}
