import { reporterContactOf, type ReporterContact, type SealedReporterContact } from '#aduan/complaints';
import type { KeyOwner, ReporterIdentities } from '#aduan/reporter-vault';

/**
 * The reporter's contact as a submit's event carries it: checked by the domain's rules, then sealed
 * under the owner's key. `decideWithoutContact` runs the decision first, without the contact: when it
 * refuses the report (any other field, the caller, an existing complaint) or decides no event (a
 * retried import), nothing is sealed, so no key is created for a report that is not written.
 */
export async function sealReporter(
  identities: ReporterIdentities,
  owner: KeyOwner,
  given: Partial<ReporterContact> | null | undefined,
  decideWithoutContact: () => unknown,
): Promise<SealedReporterContact | null> {
  const contact = reporterContactOf(given);
  const decided = decideWithoutContact();
  if (contact === null || (Array.isArray(decided) && decided.length === 0)) return null;
  return identities.seal(owner, contact);
}
