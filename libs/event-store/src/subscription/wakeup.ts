/**
 * A sleep that can be cut short. A notify that arrives while nobody sleeps is remembered, so a
 * signal sent between "read found nothing" and "go to sleep" is never lost.
 */
export class Wakeup {
  #pending = false;
  #wake: (() => void) | undefined;

  notify(): void {
    this.#pending = true;
    this.#wake?.();
  }

  /** Forgets earlier signals: call right before looking for new work, which covers them. */
  clear(): void {
    this.#pending = false;
  }

  /** Resolves after `ms`, or at once on (or after a pending) notify. */
  sleep(ms: number): Promise<void> {
    if (this.#pending) {
      this.#pending = false;
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      const wake = (): void => {
        clearTimeout(timer);
        this.#pending = false;
        this.#wake = undefined;
        resolve();
      };
      const timer = setTimeout(wake, ms);
      this.#wake = wake;
    });
  }
}
