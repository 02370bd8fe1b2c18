import { Controller, Get, Inject, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import type { ProjectorControl } from '#aduan/projections';
import { Pool } from '../runtime/pool.token.js';
import { PROJECTOR } from '../runtime/projector.token.js';

const DATABASE_CHECK_TIMEOUT_MS = 2000;

@Controller('health')
export class HealthController {
  constructor(
    @Inject(Pool) private readonly pool: Pool,
    @Inject(PROJECTOR) private readonly projector: ProjectorControl,
  ) {}

  /**
   * 200 once the database answers and the read models have caught up; 503 with the reason otherwise.
   * With the projector in a worker thread, its status is the thread's latest report: a thread that
   * ended (and is being restarted) or stopped reporting is not ready.
   */
  @Get()
  async health(@Res() reply: FastifyReply): Promise<void> {
    const projector = this.projector.status();
    const database = await this.checkDatabase();
    const healthy = database === 'up' && projector.ready;
    await reply.status(healthy ? 200 : 503).send({
      status: healthy ? 'ok' : 'unavailable',
      database,
      projector: {
        role: projector.role,
        ready: projector.ready,
        eventsApplied: projector.ordinal,
        ...('restarts' in projector ? { runsIn: 'thread', restarts: projector.restarts } : { runsIn: 'in-process' }),
      },
    });
  }

  private async checkDatabase(): Promise<'up' | 'down'> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<'down'>((resolve) => {
      timer = setTimeout(() => resolve('down'), DATABASE_CHECK_TIMEOUT_MS);
    });
    const query = this.pool.query('SELECT 1').then(
      () => 'up' as const,
      () => 'down' as const,
    );
    try {
      return await Promise.race([query, timeout]);
    } finally {
      clearTimeout(timer);
    }
  }
}
