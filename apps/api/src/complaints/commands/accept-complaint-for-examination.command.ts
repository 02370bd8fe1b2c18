import { Command } from '@nestjs/cqrs';
import type { ComplaintSnapshot } from '#aduan/projections';
import type { GraphQLContext } from '../../graphql/graphql-context.js';
import type { AcceptComplaintForExaminationInput } from '../inputs/accept-complaint-for-examination.input.js';

export class AcceptComplaintForExaminationCommand extends Command<ComplaintSnapshot> {
  constructor(
    readonly input: AcceptComplaintForExaminationInput & { readonly complaintId: string },
    readonly request: GraphQLContext,
  ) {
    super();
  }
}
