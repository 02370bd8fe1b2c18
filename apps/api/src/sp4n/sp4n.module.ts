import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { ComplaintChangeQueries } from '#aduan/projections';
import { RUNTIME } from '../runtime/runtime.module.js';
import type { Runtime } from '../runtime/runtime.js';
import { ImportSp4nComplaintHandler } from './import-sp4n-complaint.handler.js';
import { Sp4nResolver } from './sp4n.resolver.js';

/** The national SP4N-LAPOR! integration: inbound imports and the outbound change feed. */
@Module({
  imports: [CqrsModule],
  providers: [
    Sp4nResolver,
    ImportSp4nComplaintHandler,
    {
      provide: ComplaintChangeQueries,
      inject: [RUNTIME],
      useFactory: (runtime: Runtime) => new ComplaintChangeQueries(runtime.readModels),
    },
  ],
})
export class Sp4nModule {}
