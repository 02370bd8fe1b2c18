import { Inject, Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { GqlExecutionContext, type GqlContextType } from '@nestjs/graphql';
import type { AppConfig } from '#aduan/infrastructure';
import { throwError, timeout, type Observable } from 'rxjs';
import { APP_CONFIG } from '../config/app-config.token.js';
import { serviceUnavailable } from './api-errors.js';

/**
 * Bounds every GraphQL query and mutation (REQUEST_TIMEOUT_MS): past the limit the field answers
 * SERVICE_UNAVAILABLE (reason TIMEOUT) instead of keeping the client waiting. The statement timeout
 * on the pools stops the database work itself. A mutation that times out may still have been
 * stored: only an answer with data acknowledges a write.
 */
@Injectable()
export class RequestTimeoutInterceptor implements NestInterceptor {
  private readonly timeoutMs: number;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.timeoutMs = config.api.requestTimeoutMs;
  }

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType<GqlContextType>() !== 'graphql') return next.handle();
    // Root fields only: nested field resolvers run inside their root field's time.
    if (GqlExecutionContext.create(context).getInfo().path.prev !== undefined) return next.handle();
    return next.handle().pipe(
      timeout({
        first: this.timeoutMs,
        with: () =>
          throwError(() =>
            serviceUnavailable(`The request took longer than ${this.timeoutMs} ms; try again shortly`, 'TIMEOUT'),
          ),
      }),
    );
  }
}
