import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import { Logger, Module, type DynamicModule } from '@nestjs/common';
import { APP_FILTER, APP_INTERCEPTOR } from '@nestjs/core';
import { GraphQLModule } from '@nestjs/graphql';
import type { FastifyRequest } from 'fastify';
import { AgenciesResolver } from './agencies/agencies.resolver.js';
import { AuditModule } from './audit/audit.module.js';
import { ComplaintsModule } from './complaints/complaints.module.js';
import { WorkflowModule } from './workflow/workflow.module.js';
import { Sp4nModule } from './sp4n/sp4n.module.js';
import { EscalationsResolver } from './escalations/escalations.resolver.js';
import { createErrorFormatter } from './graphql/format-error.js';
import { createGraphQLContext } from './graphql/graphql-context.js';
import { GraphQLExceptionFilter } from './graphql/graphql-exception.filter.js';
import { queryLimitRules } from './graphql/query-limits.js';
import { RequestTimeoutInterceptor } from './graphql/request-timeout.interceptor.js';
import { variableLimitsPlugin } from './graphql/variable-limits.plugin.js';
import { HealthController } from './health/health.controller.js';
import { IdempotencyInterceptor } from './idempotency/idempotency.interceptor.js';
import { IdempotencyKeys } from './idempotency/idempotency-keys.js';
import type { Clock } from './runtime/clock.js';
import { RuntimeModule } from './runtime/runtime.module.js';
import { Pool } from './runtime/pool.token.js';
import type { Runtime } from './runtime/runtime.js';

export interface AppModuleOptions {
  readonly runtime: Runtime;
  readonly clock: Clock;
  /** Where to write the generated schema; false keeps it in memory (tests compare against the committed file). */
  readonly schemaFile: string | false;
}

export const GRAPHQL_PATH = '/graphql';

/** Most tokens (names, punctuation, values) a query document may have; the largest client query needs a few hundred. */
export const MAX_QUERY_TOKENS = 5_000;

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
          path: GRAPHQL_PATH,
          includeStacktraceInErrorResponses: false,
          // Introspection and the GraphiQL page go together: on by default outside production.
          introspection: runtime.config.api.graphqlIntrospection,
          graphiql: runtime.config.api.graphqlIntrospection,
          parseOptions: { maxTokens: MAX_QUERY_TOKENS },
          validationRules: queryLimitRules({
            maxDepth: runtime.config.api.maxQueryDepth,
            maxComplexity: runtime.config.api.maxQueryComplexity,
          }),
          plugins: [variableLimitsPlugin],
          context: (request: FastifyRequest) => createGraphQLContext(request, runtime.tokenVerifier),
          formatError: createErrorFormatter({
            unexpected: (line) => errorLogger.error(line),
            unavailable: (line) => errorLogger.warn(line),
          }),
        }),
        ComplaintsModule,
        AuditModule,
        WorkflowModule,
        Sp4nModule,
      ],
      controllers: [HealthController],
      providers: [
        AgenciesResolver,
        EscalationsResolver,
        { provide: APP_FILTER, useClass: GraphQLExceptionFilter },
        { provide: APP_INTERCEPTOR, useClass: RequestTimeoutInterceptor },
        {
          provide: IdempotencyKeys,
          useFactory: (pool: Pool) => new IdempotencyKeys(pool, 2 * runtime.config.api.requestTimeoutMs),
          inject: [Pool],
        },
        // Inside the timeout, so a retry waiting for its key's first result is bounded too.
        { provide: APP_INTERCEPTOR, useClass: IdempotencyInterceptor },
      ],
    };
  }
}
