import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import { Logger, Module, type DynamicModule } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { GraphQLModule } from '@nestjs/graphql';
import type { FastifyRequest } from 'fastify';
import { AgenciesResolver } from './agencies/agencies.resolver.js';
import { AuditModule } from './audit/audit.module.js';
import { ComplaintsModule } from './complaints/complaints.module.js';
import { EscalationsResolver } from './escalations/escalations.resolver.js';
import { createErrorFormatter } from './graphql/format-error.js';
import { createGraphQLContext } from './graphql/graphql-context.js';
import { GraphQLExceptionFilter } from './graphql/graphql-exception.filter.js';
import { HealthController } from './health/health.controller.js';
import type { Clock } from './runtime/clock.js';
import { RuntimeModule } from './runtime/runtime.module.js';
import type { Runtime } from './runtime/runtime.js';

export interface AppModuleOptions {
  readonly runtime: Runtime;
  readonly clock: Clock;
  /** Where to write the generated schema; false keeps it in memory (tests compare against the committed file). */
  readonly schemaFile: string | false;
}

const errorLogger = new Logger('GraphQL');

@Module({})
export class AppModule {
  static forRoot({ runtime, clock, schemaFile }: AppModuleOptions): DynamicModule {
    return {
      module: AppModule,
      imports: [
        RuntimeModule.forRuntime(runtime, clock),
        GraphQLModule.forRoot<ApolloDriverConfig>({
          driver: ApolloDriver,
          autoSchemaFile: schemaFile === false ? true : schemaFile,
          sortSchema: true,
          path: '/graphql',
          includeStacktraceInErrorResponses: false,
          introspection: true,
          context: (request: FastifyRequest) => createGraphQLContext(request, runtime.tokenVerifier),
          formatError: createErrorFormatter((error) =>
            errorLogger.error(error instanceof Error ? (error.stack ?? error.message) : String(error)),
          ),
        }),
        ComplaintsModule,
        AuditModule,
      ],
      controllers: [HealthController],
      providers: [AgenciesResolver, EscalationsResolver, { provide: APP_FILTER, useClass: GraphQLExceptionFilter }],
    };
  }
}
