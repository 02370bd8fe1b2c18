import { Command } from '@nestjs/cqrs';
import type { ComplaintSnapshot } from '#aduan/projections';
import type { GraphQLContext } from '../../graphql/graphql-context.js';
import type { ForwardComplaintInput } from '../inputs/forward-complaint.input.js';

export class ForwardComplaintCommand extends Command<ComplaintSnapshot> {
  constructor(
    readonly input: ForwardComplaintInput,
    readonly request: GraphQLContext,
  ) {
    super();
  }
}
