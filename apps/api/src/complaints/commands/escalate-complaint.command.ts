import { Command } from '@nestjs/cqrs';
import type { ComplaintSnapshot } from '#aduan/projections';
import type { GraphQLContext } from '../../graphql/graphql-context.js';
import type { EscalateComplaintInput } from '../inputs/escalate-complaint.input.js';

export class EscalateComplaintCommand extends Command<ComplaintSnapshot> {
  constructor(
    readonly input: EscalateComplaintInput,
    readonly request: GraphQLContext,
  ) {
    super();
  }
}
