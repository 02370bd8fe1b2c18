import { Command } from '@nestjs/cqrs';
import type { ComplaintSnapshot } from '#aduan/projections';
import type { GraphQLContext } from '../../graphql/graphql-context.js';
import type { ReturnComplaintInput } from '../inputs/return-complaint.input.js';

export class ReturnComplaintCommand extends Command<ComplaintSnapshot> {
  constructor(
    readonly input: ReturnComplaintInput & { readonly complaintId: string },
    readonly request: GraphQLContext,
  ) {
    super();
  }
}
