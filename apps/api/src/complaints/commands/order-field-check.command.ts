import { Command } from '@nestjs/cqrs';
import type { ComplaintSnapshot } from '#aduan/projections';
import type { GraphQLContext } from '../../graphql/graphql-context.js';
import type { OrderFieldCheckInput } from '../inputs/order-field-check.input.js';

export class OrderFieldCheckCommand extends Command<ComplaintSnapshot> {
  constructor(
    readonly input: OrderFieldCheckInput & { readonly complaintId: string },
    readonly request: GraphQLContext,
  ) {
    super();
  }
}
