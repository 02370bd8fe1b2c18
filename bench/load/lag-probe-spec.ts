/** What the parent asks the projection-lag probe to do; sent over the fork's IPC channel. */
export interface LagProbeSpec {
  readonly graphqlUrl: string;
  readonly submitBody: string;
  /** The read-model database, polled directly so the probe sees what a query would see. */
  readonly databaseUrl: string;
  readonly pollIntervalMs: number;
  /** Rest between samples, so the probe adds little load of its own. */
  readonly pauseMs: number;
  /** Wait before the first sample, so samples fall inside the load they are meant to observe. */
  readonly startDelayMs: number;
  /**
   * Samples in flight at once, each submitting, waiting for its row and pausing in turn: one alone
   * gathers a few dozen samples in a short load, too few for a p99 that is not simply the maximum.
   */
  readonly samplers: number;
}

export interface LagProbeResult {
  /** Milliseconds from a submit's answer to its complaint_summary row being visible. */
  readonly lagsMs: readonly number[];
  /** Successful submits the probe made itself (they are stored events too). */
  readonly submitted: number;
  readonly errors: number;
  readonly firstError: string | null;
}
