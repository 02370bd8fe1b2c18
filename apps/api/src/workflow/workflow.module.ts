import { Module } from '@nestjs/common';
import { DeadlinesModule } from '../deadlines/deadlines.module.js';
import { PublicFeedResolver } from '../public-feed/public-feed.resolver.js';
import { StatisticsResolver } from '../statistics/statistics.resolver.js';
import { WebhooksModule } from '../webhooks/webhooks.module.js';

/**
 * The SP4N-LAPOR! workflow beyond the complaint's own operations (which live in ComplaintsModule):
 * the deadline policy and its scanner, the public feed, statistics and the intake webhooks.
 */
@Module({
  imports: [DeadlinesModule, WebhooksModule],
  providers: [PublicFeedResolver, StatisticsResolver],
})
export class WorkflowModule {}
