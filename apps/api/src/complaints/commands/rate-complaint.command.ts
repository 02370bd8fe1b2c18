import { Command } from '@nestjs/cqrs';
import type { ComplaintSnapshot } from '#aduan/projections';
import type { GraphQLContext } from '../../graphql/graphql-context.js';
import type { RateComplaintInput } from '../inputs/rate-complaint.input.js';

export class RateComplaintCommand extends Command<ComplaintSnapshot> {
  constructor(
    readonly input: RateComplaintInput & { readonly complaintId: string },
    readonly request: GraphQLContext,
  ) {
    super();
  }
}
