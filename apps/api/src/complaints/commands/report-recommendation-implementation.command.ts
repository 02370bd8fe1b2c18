import { Command } from '@nestjs/cqrs';
import type { ComplaintSnapshot } from '#aduan/projections';
import type { GraphQLContext } from '../../graphql/graphql-context.js';
import type { ReportRecommendationImplementationInput } from '../inputs/report-recommendation-implementation.input.js';

export class ReportRecommendationImplementationCommand extends Command<ComplaintSnapshot> {
  constructor(
    readonly input: ReportRecommendationImplementationInput & { readonly complaintId: string },
    readonly request: GraphQLContext,
  ) {
    super();
  }
}
