/** The logging the runtime needs; Nest's Logger satisfies it. Messages never carry personal data. */
export interface Logger {
  log(message: string): void;
  error(message: string): void;
}
