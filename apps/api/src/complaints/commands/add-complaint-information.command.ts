import { Command } from '@nestjs/cqrs';
import type { ComplaintSnapshot } from '#aduan/projections';
import type { GraphQLContext } from '../../graphql/graphql-context.js';
import type { AddComplaintInformationInput } from '../inputs/add-complaint-information.input.js';

export class AddComplaintInformationCommand extends Command<ComplaintSnapshot> {
  constructor(
    readonly input: AddComplaintInformationInput & { readonly complaintId: string },
    readonly request: GraphQLContext,
  ) {
    super();
  }
}
