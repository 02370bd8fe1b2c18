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
}

export interface LagProbeResult {
  /** Milliseconds from a submit's answer to its complaint_summary row being visible. */
  readonly lagsMs: readonly number[];
  /** Successful submits the probe made itself (they are stored events too). */
  readonly submitted: number;
  readonly errors: number;
  readonly firstError: string | null;
}
