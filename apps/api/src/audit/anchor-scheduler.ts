import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { publishAnchor } from '#aduan/audit';
import { EVENT_STORE, type EventStore } from '#aduan/event-store';
import { SYSTEM_CALLER } from '#aduan/identity';
import type { AppConfig } from '#aduan/infrastructure';
import { APP_CONFIG } from '../config/app-config.token.js';
import { CLOCK, type Clock } from '../runtime/clock.js';
import { describeErrorBriefly } from '#aduan/postgres';

/**
 * Publishes head hashes every ANCHOR_INTERVAL. Several instances may do it at once: the anchor stream's
 * expected revision lets one win, and the others' redundant anchors are refused and ignored.
 */
@Injectable()
export class AnchorScheduler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Anchors');
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  onApplicationBootstrap(): void {
    const interval = this.config.anchorInterval;
    if (!interval) return;
    this.timer = setInterval(() => {
      this.running ??= this.anchor().finally(() => {
        this.running = null;
      });
    }, interval.milliseconds);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.running;
  }

  private async anchor(): Promise<void> {
    try {
      const { streams } = await publishAnchor(this.store, SYSTEM_CALLER, this.clock.now());
      if (streams > 0) this.logger.log(`anchored ${streams} stream heads`);
    } catch (error) {
      this.logger.warn(`anchoring skipped: ${describeErrorBriefly(error)}`);
    }
  }
}
