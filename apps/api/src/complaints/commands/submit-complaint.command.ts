import { Command } from '@nestjs/cqrs';
import type { ComplaintSnapshot } from '#aduan/projections';
import type { SubmitComplaintInput } from '../inputs/submit-complaint.input.js';
import type { GraphQLContext } from '../../graphql/graphql-context.js';

export class SubmitComplaintCommand extends Command<ComplaintSnapshot> {
  constructor(
    readonly input: SubmitComplaintInput,
    readonly request: GraphQLContext,
  ) {
    super();
  }
}
