/** What the parent asks an HTTP load-generator child to do; sent over the fork's IPC channel. */
export interface HttpLoadSpec {
  readonly url: string;
  readonly connections: number;
  readonly durationSeconds: number;
  readonly headers: Readonly<Record<string, string>>;
  /** POST bodies, sent in turn (one body repeated, or many to spread reads over many rows). */
  readonly bodies: readonly string[];
  /** A fragment every good answer contains; a 2xx answer without it, or with GraphQL `errors`, is an error. */
  readonly expect: string;
}

/** What the child answers: counts are whole-run totals, latencies in milliseconds. */
export interface HttpLoadResult {
  readonly durationSeconds: number;
  /** 2xx answers that carried `expect` and no GraphQL errors. */
  readonly succeeded: number;
  readonly perSecond: number;
  /** Mean latency: unlike autocannon's whole-millisecond percentiles, fine enough to compare runs. */
  readonly meanMs: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  /** Non-2xx, wrong bodies, socket errors and timeouts. */
  readonly errors: number;
  /** The first wrong body, to say why errors happened. */
  readonly firstBadBody: string | null;
  /** CPU the load generator's process spent during the load, in milliseconds (it shares the cores). */
  readonly generatorCpuMs: number;
}
