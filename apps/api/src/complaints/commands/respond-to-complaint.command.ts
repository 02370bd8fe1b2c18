import { Command } from '@nestjs/cqrs';
import type { ComplaintSnapshot } from '#aduan/projections';
import type { GraphQLContext } from '../../graphql/graphql-context.js';
import type { RespondToComplaintInput } from '../inputs/respond-to-complaint.input.js';

export class RespondToComplaintCommand extends Command<ComplaintSnapshot> {
  constructor(
    readonly input: RespondToComplaintInput,
    readonly request: GraphQLContext,
  ) {
    super();
  }
}
