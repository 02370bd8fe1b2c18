import { Module } from '@nestjs/common';
import { AnchorScheduler } from './anchor-scheduler.js';
import { ComplaintAsOfResolver } from './complaint-as-of.resolver.js';
import { ComplaintIntegrityResolver } from './complaint-integrity.resolver.js';

/** What auditors rely on: replay as of an instant, the hash chain, and published anchors. */
@Module({ providers: [ComplaintIntegrityResolver, ComplaintAsOfResolver, AnchorScheduler] })
export class AuditModule {}
