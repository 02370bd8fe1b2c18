import { Command } from '@nestjs/cqrs';
import type { ComplaintSnapshot } from '#aduan/projections';
import type { GraphQLContext } from '../../graphql/graphql-context.js';
import type { ReopenComplaintInput } from '../inputs/reopen-complaint.input.js';

export class ReopenComplaintCommand extends Command<ComplaintSnapshot> {
  constructor(
    readonly input: ReopenComplaintInput & { readonly complaintId: string },
    readonly request: GraphQLContext,
  ) {
    super();
  }
}
