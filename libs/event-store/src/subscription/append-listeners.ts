/** In-process "something was appended" fan-out, so local subscribers need not wait for their poll. */
export class AppendListeners {
  readonly #listeners = new Set<() => void>();

  /** Answers the unregistration. */
  add(listener: () => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  notify(): void {
    for (const listener of this.#listeners) listener();
  }
}
