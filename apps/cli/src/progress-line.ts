/** A one-line progress display: redrawn in place on a terminal, a line per second otherwise. */
export class ProgressLine {
  private lastPrinted = 0;

  constructor(private readonly label: string) {}

  update(count: number, elapsedMs: number, total?: number): void {
    const now = Date.now();
    const tty = process.stderr.isTTY;
    if (!tty && now - this.lastPrinted < 1000) return;
    this.lastPrinted = now;
    const rate = elapsedMs > 0 ? Math.round((count * 1000) / elapsedMs) : 0;
    const of = total ? ` / ${total.toLocaleString('en')} (${Math.floor((count * 100) / total)}%)` : '';
    const line = `${this.label}: ${count.toLocaleString('en')}${of} events, ${rate.toLocaleString('en')}/s`;
    process.stderr.write(tty ? `\r${line}\x1b[K` : `${line}\n`);
  }

  done(count: number): void {
    if (process.stderr.isTTY) process.stderr.write('\n');
    process.stderr.write(`${this.label}: done, ${count.toLocaleString('en')} events\n`);
  }
}
