import { Command } from '@nestjs/cqrs';
import type { ComplaintSnapshot } from '#aduan/projections';
import type { GraphQLContext } from '../../graphql/graphql-context.js';
import type { RejectComplaintForExaminationInput } from '../inputs/reject-complaint-for-examination.input.js';

export class RejectComplaintForExaminationCommand extends Command<ComplaintSnapshot> {
  constructor(
    readonly input: RejectComplaintForExaminationInput & { readonly complaintId: string },
    readonly request: GraphQLContext,
  ) {
    super();
  }
}
