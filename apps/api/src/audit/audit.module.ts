import { Module } from '@nestjs/common';
import { AnchorScheduler } from './anchor-scheduler.js';
import { ComplaintAsOfResolver } from './complaint-as-of.resolver.js';
import { ComplaintIntegrityResolver } from './complaint-integrity.resolver.js';
import { ExportController } from './export.controller.js';

/** What auditors rely on: replay as of an instant, the hash chain, published anchors, JSON Lines exports. */
@Module({
  controllers: [ExportController],
  providers: [ComplaintIntegrityResolver, ComplaintAsOfResolver, AnchorScheduler],
})
export class AuditModule {}
