/**
 * How the outside world should read a domain error. The API maps each category to one GraphQL
 * `extensions.code`; the domain stays free of transport concerns.
 */
export type DomainErrorCategory = 'invalid' | 'forbidden' | 'not-found' | 'conflict';

/** Base of every rule violation the complaint domain reports. `code` is stable for clients. */
export abstract class ComplaintDomainError extends Error {
  abstract readonly category: DomainErrorCategory;
  /** Further facts for clients (the API passes them on beside the code), e.g. which preconditions failed. */
  declare readonly details?: Readonly<Record<string, unknown>>;
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** A command field breaks a rule (length, format, allowed values). */
export class InvalidComplaintInput extends ComplaintDomainError {
  readonly category = 'invalid';
  constructor(
    readonly field: string,
    message: string,
  ) {
    super('INVALID_INPUT', `${field}: ${message}`);
  }
}

/** An agency code that is not in the directory. */
export class UnknownAgency extends ComplaintDomainError {
  readonly category = 'invalid';
  constructor(
    readonly field: string,
    readonly agencyCode: string,
  ) {
    super('UNKNOWN_AGENCY', `${field}: no agency has the code "${agencyCode}"`);
  }
}

/** The actor's role or agency does not allow this action on this complaint. */
export class ActionNotAllowed extends ComplaintDomainError {
  readonly category = 'forbidden';
  constructor(message: string) {
    super('NOT_ALLOWED', message);
  }
}

/** No complaint with that id. */
export class ComplaintNotFound extends ComplaintDomainError {
  readonly category = 'not-found';
  constructor(readonly complaintId: string) {
    super('COMPLAINT_NOT_FOUND', `No complaint has the id "${complaintId}"`);
  }
}

/** A submit for an id that already holds a complaint. */
export class ComplaintAlreadyExists extends ComplaintDomainError {
  readonly category = 'conflict';
  constructor(readonly complaintId: string) {
    super('COMPLAINT_EXISTS', `A complaint with the id "${complaintId}" already exists`);
  }
}

/** The action is valid in general but not in the complaint's current status. */
export class InvalidComplaintTransition extends ComplaintDomainError {
  readonly category = 'conflict';
  constructor(
    readonly action: string,
    readonly status: string,
    detail: string,
  ) {
    super('INVALID_TRANSITION', `Cannot ${action} a complaint in status ${status}: ${detail}`);
  }
}

/**
 * The reporter asked to reopen a report the Ombudsman did not accept for examination (Law 37/2008
 * art. 36). That decision closed it and is the Ombudsman's, so it is not undone by sending the complaint
 * back to the agency; unlike INVALID_TRANSITION, this says why, and that no status would allow it.
 */
export class RejectedReportNotReopened extends ComplaintDomainError {
  readonly category = 'conflict';
  constructor(
    readonly officeCode: string,
    readonly rejectedAt: string,
    reasons: readonly string[],
  ) {
    super(
      'REJECTED_BY_OMBUDSMAN',
      `Cannot reopen the complaint: ${officeCode} did not accept the report for examination on ${rejectedAt}` +
        `${reasons.length > 0 ? ` (${reasons.join(', ')})` : ''}, and that decision is not reopened`,
    );
  }
}

/**
 * The Ombudsman cannot accept a report for examination: a precondition of Law 37/2008 art. 24 does not
 * hold. `failed` names them (COMPLAINED_TO_AGENCY_FIRST, WITHIN_REPORT_LIMIT); not accepting it is the
 * way to record the decision.
 */
export class OmbudsmanPreconditionFailed extends ComplaintDomainError {
  readonly category = 'conflict';
  override readonly details: Readonly<Record<string, unknown>>;
  constructor(
    readonly failed: readonly string[],
    explanation: string,
  ) {
    super('OMBUDSMAN_PRECONDITION_FAILED', `Cannot accept the report for examination: ${explanation}`);
    this.details = { failedPreconditions: [...failed] };
  }
}
