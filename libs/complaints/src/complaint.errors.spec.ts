import {
  ActionNotAllowed,
  ComplaintAlreadyExists,
  ComplaintDomainError,
  ComplaintNotFound,
  InvalidComplaintInput,
  InvalidComplaintTransition,
  RejectedReportNotReopened,
  UnknownAgency,
  type DomainErrorCategory,
} from './complaint.errors.js';

describe('complaint domain errors', () => {
  it.each<[string, ComplaintDomainError, string, DomainErrorCategory]>([
    ['InvalidComplaintInput', new InvalidComplaintInput('title', 'is required'), 'INVALID_INPUT', 'invalid'],
    ['UnknownAgency', new UnknownAgency('toAgencyCode', 'KAB-ATLANTIS'), 'UNKNOWN_AGENCY', 'invalid'],
    ['ActionNotAllowed', new ActionNotAllowed('Only an operator can do this'), 'NOT_ALLOWED', 'forbidden'],
    ['ComplaintNotFound', new ComplaintNotFound('err-missing'), 'COMPLAINT_NOT_FOUND', 'not-found'],
    ['ComplaintAlreadyExists', new ComplaintAlreadyExists('err-exists'), 'COMPLAINT_EXISTS', 'conflict'],
    [
      'InvalidComplaintTransition',
      new InvalidComplaintTransition('forward', 'ESCALATED', 'it is with the Ombudsman'),
      'INVALID_TRANSITION',
      'conflict',
    ],
    [
      'RejectedReportNotReopened',
      new RejectedReportNotReopened('OMBUDSMAN-RI', '2026-03-20T00:00:00.000Z', ['BEFORE_COURT']),
      'REJECTED_BY_OMBUDSMAN',
      'conflict',
    ],
  ])('%s carries the code %s and the category %s', (name, error, code, category) => {
    expect(error).toBeInstanceOf(Error);
    expect(error).toBeInstanceOf(ComplaintDomainError);
    expect(error).toMatchObject({ name, code, category });
  });

  it('say what went wrong and keep the facts as fields', () => {
    expect(new InvalidComplaintInput('title', 'is required')).toMatchObject({
      field: 'title',
      message: 'title: is required',
    });
    expect(new UnknownAgency('toAgencyCode', 'KAB-ATLANTIS')).toMatchObject({
      field: 'toAgencyCode',
      agencyCode: 'KAB-ATLANTIS',
      message: 'toAgencyCode: no agency has the code "KAB-ATLANTIS"',
    });
    expect(new ComplaintNotFound('err-nf')).toMatchObject({
      complaintId: 'err-nf',
      message: expect.stringContaining('err-nf'),
    });
    expect(new ComplaintAlreadyExists('err-ae')).toMatchObject({
      complaintId: 'err-ae',
      message: expect.stringContaining('err-ae'),
    });
    expect(new InvalidComplaintTransition('respond to', 'SUBMITTED', 'not forwarded yet')).toMatchObject({
      action: 'respond to',
      status: 'SUBMITTED',
      message: 'Cannot respond to a complaint in status SUBMITTED: not forwarded yet',
    });
  });
});
