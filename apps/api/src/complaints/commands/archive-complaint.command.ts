import { Command } from '@nestjs/cqrs';
import type { ComplaintSnapshot } from '#aduan/projections';
import type { GraphQLContext } from '../../graphql/graphql-context.js';
import type { ArchiveComplaintInput } from '../inputs/archive-complaint.input.js';

export class ArchiveComplaintCommand extends Command<ComplaintSnapshot> {
  constructor(
    readonly input: ArchiveComplaintInput & { readonly complaintId: string },
    readonly request: GraphQLContext,
  ) {
    super();
  }
}
