import { randomBytes } from 'node:crypto';

/** What a client learnt of one submit. */
export type Outcome =
  /** HTTP 200 with the complaint in `data`: the API promised it is stored. */
  | 'acknowledged'
  /** The connection was refused: the request never reached an API. */
  | 'refused'
  /** Anything else (reset mid-request, an error answer, a timeout): it may or may not be stored. */
  | 'in-doubt';

export interface Attempt {
  readonly marker: string;
  /** The reporter's phone sent with it (name and email derive from the marker). */
  readonly phone: string;
  readonly outcome: Outcome;
  /** The complaint id, when acknowledged. */
  readonly id?: string;
}

/** Personal data sent with every submit; the API's logs must never contain any of it. */
export interface SentPersonalData {
  readonly names: readonly string[];
  readonly emails: readonly string[];
  readonly phones: readonly string[];
}

const SUBMIT = `mutation Submit($input: SubmitComplaintInput!) { submitComplaint(input: $input) { id trackingCode } }`;

/**
 * Many concurrent clients submitting complaints in a loop, each one unique (a marker in its title),
 * until told to stop. Failures do not stop a client: it pauses briefly and submits the next one,
 * so the load carries on across API crashes and restarts.
 */
export class SubmitLoad {
  readonly run = randomBytes(4).toString('hex');
  readonly attempts: Attempt[] = [];
  private readonly waiters: { count: number; resolve: () => void }[] = [];
  private stopped = false;
  private sequence = 0;
  private acknowledgedCount = 0;
  private clients: Promise<void>[] = [];

  constructor(
    private readonly options: {
      readonly url: string;
      readonly clients: number;
      /** Pause after a failed attempt, so a down API is not hammered. */
      readonly pauseAfterFailureMs?: number;
      readonly requestTimeoutMs?: number;
    },
  ) {}

  get acknowledged(): number {
    return this.acknowledgedCount;
  }

  start(): void {
    this.clients = Array.from({ length: this.options.clients }, (_, client) => this.client(client));
  }

  /** Resolves once `count` submits in total have been acknowledged. */
  whenAcknowledged(count: number): Promise<void> {
    if (this.acknowledgedCount >= count) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push({ count, resolve }));
  }

  /** Stops every client after its submit in flight. */
  async stop(): Promise<void> {
    this.stopped = true;
    await Promise.all(this.clients);
  }

  personalData(): SentPersonalData {
    return {
      names: this.attempts.map((attempt) => reporterName(attempt.marker)),
      emails: this.attempts.map((attempt) => reporterEmail(attempt.marker)),
      phones: this.attempts.map((attempt) => attempt.phone),
    };
  }

  private async client(client: number): Promise<void> {
    while (!this.stopped) {
      const sequence = ++this.sequence;
      const marker = `${this.run}-${client}-${sequence}`;
      const attempt = await this.submit(marker, sequence);
      this.attempts.push(attempt);
      if (attempt.outcome === 'acknowledged') {
        this.acknowledgedCount += 1;
        for (const waiter of this.waiters.filter((w) => w.count <= this.acknowledgedCount)) {
          this.waiters.splice(this.waiters.indexOf(waiter), 1);
          waiter.resolve();
        }
      } else {
        await new Promise((resolve) => setTimeout(resolve, this.options.pauseAfterFailureMs ?? 50));
      }
    }
  }

  private async submit(marker: string, sequence: number): Promise<Attempt> {
    // A valid Indonesian mobile number, distinct per submit of this run.
    const phone = `0813${String(sequence).padStart(8, '0')}`;
    const input = {
      title: `Uji ketahanan ${marker}`,
      description: `Laporan uji ketahanan nomor ${sequence}: lampu jalan di depan pasar mati.`,
      type: 'COMPLAINT',
      channel: sequence % 2 ? 'WEB' : 'SMS',
      agencyCode: 'KAB-BANJAR',
      reporter: { name: reporterName(marker), email: reporterEmail(marker), phone },
    };
    try {
      const response = await fetch(`${this.options.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: SUBMIT, variables: { input } }),
        signal: AbortSignal.timeout(this.options.requestTimeoutMs ?? 30_000),
      });
      const body = (await response.json()) as { data?: { submitComplaint?: { id?: string } } | null };
      const id = body.data?.submitComplaint?.id;
      return response.status === 200 && id
        ? { marker, phone, outcome: 'acknowledged', id }
        : { marker, phone, outcome: 'in-doubt' };
    } catch (error) {
      return { marker, phone, outcome: connectionRefused(error) ? 'refused' : 'in-doubt' };
    }
  }
}

export const markerOf = (title: string): string | null => /^Uji ketahanan (\S+)$/.exec(title)?.[1] ?? null;

const reporterName = (marker: string) => `Pelapor Uji ${marker}`;
const reporterEmail = (marker: string) => `pelapor.${marker}@uji-ketahanan.example`;

function connectionRefused(error: unknown): boolean {
  for (let current = error; current; current = (current as { cause?: unknown }).cause) {
    if ((current as { code?: unknown }).code === 'ECONNREFUSED') return true;
  }
  return false;
}
