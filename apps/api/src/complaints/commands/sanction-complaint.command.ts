import { Command } from '@nestjs/cqrs';
import type { ComplaintSnapshot } from '#aduan/projections';
import type { GraphQLContext } from '../../graphql/graphql-context.js';
import type { SanctionComplaintInput } from '../inputs/sanction-complaint.input.js';

export class SanctionComplaintCommand extends Command<ComplaintSnapshot> {
  constructor(
    readonly input: SanctionComplaintInput,
    readonly request: GraphQLContext,
  ) {
    super();
  }
}
