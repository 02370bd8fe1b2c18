/**
 * Failures of the reporter-identity vault. Messages name complaints and keys, never a contact: they
 * end up in logs. None of them is the client's fault, so the API answers INTERNAL_SERVER_ERROR.
 */
export abstract class ReporterVaultError extends Error {
  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

/**
 * A sealed contact that does not open: its ciphertext, nonce, tag, field list or binding to the
 * complaint was altered (AES-GCM authenticates all of them), or it is not a sealed contact at all.
 */
export class SealedContactUnreadable extends ReporterVaultError {
  constructor(
    readonly complaintId: string,
    readonly keyId: string,
  ) {
    super(
      `The sealed reporter contact of complaint ${complaintId} (key ${keyId}) does not open: it was altered or is malformed`,
    );
  }
}

/**
 * An event names a data key the vault never held. Erased keys are kept as tombstones, so this is not
 * an erasure: the key table was restored from an older backup than the events, or the event was forged.
 */
export class ReporterKeyMissing extends ReporterVaultError {
  constructor(readonly keyId: string) {
    super(`The reporter data key ${keyId} is not in the key vault (neither live nor erased)`);
  }
}

/** The configured key-encryption key is not the one a data key was wrapped with. */
export class KeyEncryptionKeyMismatch extends ReporterVaultError {
  constructor(
    readonly keyId: string,
    readonly wrappedWith: string,
    readonly configured: string,
  ) {
    super(
      `Reporter data key ${keyId} is wrapped by key-encryption key ${wrappedWith}, but REPORTER_KEY_ENCRYPTION_KEY is ${configured}`,
    );
  }
}

/** A wrapped data key that does not unwrap under the right key-encryption key: the vault row was altered. */
export class WrappedKeyUnreadable extends ReporterVaultError {
  constructor(readonly keyId: string) {
    super(`Reporter data key ${keyId} does not unwrap: its row in the key vault was altered`);
  }
}
