import autocannon from 'autocannon';
import type { HttpLoadResult, HttpLoadSpec } from './http-load-spec.js';
import { serveOneRequest } from './worker-process.js';

/**
 * Generates one HTTP load with autocannon. Bodies are checked, not only status codes: GraphQL
 * reports failures with status 200, so an answer without the expected fragment, or with `errors`,
 * is counted as an error too.
 */
function run(spec: HttpLoadSpec): Promise<HttpLoadResult> {
  let next = 0;
  let firstBadBody: string | null = null;
  const good = (body: string): boolean => {
    const ok = body.includes(spec.expect) && !body.includes('"errors"');
    if (!ok) firstBadBody ??= body.slice(0, 500);
    return ok;
  };
  const cpuBefore = process.cpuUsage();
  return new Promise((resolve, reject) => {
    autocannon(
      {
        url: spec.url,
        connections: spec.connections,
        duration: spec.durationSeconds,
        verifyBody: good,
        requests: [
          {
            method: 'POST',
            headers: { 'content-type': 'application/json', ...spec.headers },
            body: spec.bodies[0],
            setupRequest: (request) => ({ ...request, body: spec.bodies[next++ % spec.bodies.length] }),
          },
        ],
      },
      (error, result) => {
        if (error) return reject(error);
        const succeeded = result['2xx'] - result.mismatches;
        resolve({
          durationSeconds: result.duration,
          succeeded,
          perSecond: succeeded / result.duration,
          meanMs: result.latency.average,
          p50Ms: result.latency.p50,
          p99Ms: result.latency.p99,
          errors: result.non2xx + result.mismatches + result.errors + result.timeouts,
          firstBadBody,
          generatorCpuMs: cpuMs(process.cpuUsage(cpuBefore)),
        });
      },
    );
  });
}

const cpuMs = (usage: NodeJS.CpuUsage): number => (usage.user + usage.system) / 1000;

serveOneRequest(run);
