import { Command } from '@nestjs/cqrs';
import type { ComplaintSnapshot } from '#aduan/projections';
import type { GraphQLContext } from '../../graphql/graphql-context.js';
import type { ClassifyComplaintInput } from '../inputs/classify-complaint.input.js';

export class ClassifyComplaintCommand extends Command<ComplaintSnapshot> {
  constructor(
    readonly input: ClassifyComplaintInput & { readonly complaintId: string },
    readonly request: GraphQLContext,
  ) {
    super();
  }
}
