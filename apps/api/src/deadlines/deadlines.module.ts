import { Module } from '@nestjs/common';
import { DeadlinePolicyResolver } from './deadline-policy.resolver.js';
import { DeadlineScanner } from './deadline-scanner.js';

/** The deadline policy: its scanner, and the policy as the API shows it. */
@Module({ providers: [DeadlineScanner, DeadlinePolicyResolver], exports: [DeadlineScanner] })
export class DeadlinesModule {}
