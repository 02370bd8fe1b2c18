import { rejectionReasonsOf, type ComplaintEvent, type DeadlineWindow } from '#aduan/complaints';
import type { ContactView } from '#aduan/reporter-vault';

export interface GistOptions {
  /** Print the reporter's contact and their own texts; off by default. */
  readonly showReporter: boolean;
  /** The contact opened from the complaint as it stands now; needed with showReporter. */
  readonly contact?: ContactView | null;
}

/**
 * One event's gist, for a person reading a timeline: what happened, to whom, and the officials' words.
 * The reporter's contact and their own texts (the description, added information, comments, reasons
 * to dispute or reopen), where a reporter may volunteer personal data, show only with showReporter.
 * Every event type is described (the switch is exhaustive), so no event falls back to raw data.
 */
export function gistOf(event: ComplaintEvent, options: GistOptions): string {
  const reporterText = (text: string | null) => (text === null ? '' : `: ${ownText(text, options)}`);
  switch (event.type) {
    case 'ComplaintSubmitted': {
      const d = event.data;
      const flags = [d.anonymous && 'anonymous', d.confidential && 'confidential'].filter(Boolean).join(', ');
      const reporter = d.reporter
        ? options.showReporter
          ? ` reporter: ${contactLine(options.contact ?? null)}`
          : ' reporter: [hidden; --show-reporter]'
        : '';
      return (
        `${d.trackingCode} ${d.complaintType} via ${d.channel}: "${d.title}"` +
        `${d.requestedAgencyCode ? ` to ${d.requestedAgencyCode}` : ''}; due ${d.dueAt}` +
        `${flags ? ` [${flags}]` : ''}${reporter}`
      );
    }
    case 'ComplaintForwarded':
      return `${event.data.fromAgencyCode ?? 'triage'} → ${event.data.toAgencyCode}${quoted(event.data.note)}`;
    case 'ComplaintResponded':
      return `${event.data.agencyCode} answered ${event.data.onTime ? 'on time' : 'LATE'}: "${event.data.message}"`;
    case 'ComplaintEscalated': {
      const { source, agencyCode, reason } = event.data;
      const why = source === 'REPORTER' ? reporterText(reason) : `: "${reason}"`;
      return `to the Ombudsman (${source}${agencyCode ? `, held by ${agencyCode}` : ''})${why}`;
    }
    case 'ComplaintSanctioned':
      return `${event.data.kind} for ${event.data.sanctionedAgencyCode}${event.data.officialName ? ` (${event.data.officialName})` : ''}: "${event.data.reason}"`;
    case 'ComplaintVerified':
      return `verified${quoted(event.data.note)}`;
    case 'ComplaintClassified':
      return (
        `category ${event.data.category ?? 'none'}, priority ${event.data.priority}` +
        `${event.data.dueAt ? `; response due ${event.data.dueAt}` : ''}`
      );
    case 'ComplaintPrivacyChanged': {
      const flags = [event.data.anonymous && 'anonymous', event.data.confidential && 'confidential'].filter(Boolean);
      return `privacy raised: ${flags.join(', ') || 'none'}`;
    }
    case 'ComplaintPutOnHold':
      return `on hold, asked the reporter: "${event.data.reason}"`;
    case 'ComplaintInformationAdded':
      return (
        `information added${event.data.resumed ? `, triage resumes (response due ${event.data.dueAt})` : ''}` +
        reporterText(event.data.information)
      );
    case 'ComplaintReturned':
      return `${event.data.fromAgencyCode} handed it back to ${event.data.toAgencyCode ?? 'national triage'}: "${event.data.reason}"`;
    case 'ComplaintArchived':
      return (
        `archived: ${event.data.reason}` +
        `${event.data.duplicateOfId ? ` of ${event.data.duplicateOfId}` : ''}${quoted(event.data.note)}`
      );
    case 'ComplaintClosedByReporter':
      return `closed by the reporter, rating ${event.data.rating}/5${reporterText(event.data.comment)}`;
    case 'ComplaintAutoClosed':
      return `closed: the reporter did not reply in time${event.data.agencyCode ? ` to ${event.data.agencyCode}` : ''}`;
    case 'ComplaintRated':
      return `rated ${event.data.rating}/5${reporterText(event.data.comment)}`;
    case 'ComplaintReopened':
      return `reopened, back to ${event.data.toAgencyCode} (response due ${event.data.dueAt})${reporterText(event.data.reason)}`;
    case 'ComplaintConcluded':
      return `concluded by the Ombudsman, ${event.data.finding}: "${event.data.reason}"`;
    case 'ComplaintFieldCheckOrdered':
      return `field check ordered${dueOf(event.data.deadlines, 'DISPUTE')}: "${event.data.reason}"`;
    case 'ComplaintSanctionRemedied':
      return `${event.data.agencyCode} remedied the sanction: "${event.data.note}"`;
    case 'ComplaintDeadlineWarned':
      return `${event.data.kind} deadline due ${event.data.dueAt} nears${forAgency(event.data.agencyCode)}`;
    case 'ComplaintDeadlineBreached':
      return `${event.data.kind} deadline due ${event.data.dueAt} passed${forAgency(event.data.agencyCode)}`;
    case 'ComplaintAcceptedByOmbudsman': {
      const { officeCode, preconditions, note } = event.data;
      const prior = preconditions.priorComplaint;
      return (
        `${officeCode} accepted it for examination: complained to the agency first (${prior?.basis ?? 'unknown'}` +
        `${prior?.agencyCode ? `, ${prior.agencyCode}` : ''}), matter of ${preconditions.matterOccurredAt} ` +
        `reported within ${preconditions.reportLimit}${quoted(note)}`
      );
    }
    case 'ComplaintRejectedByOmbudsman': {
      const { officeCode, explanation } = event.data;
      return `${officeCode} did not accept it for examination (${rejectionReasonsOf(event.data).join(', ')}): "${explanation}"`;
    }
    case 'ComplaintRecommendationIssued': {
      const d = event.data;
      return (
        `${d.officeCode} recommendation ${d.recommendationNumber} to ${d.agencyCode}, received ${d.receivedAt}` +
        `${dueOf(d.deadlines, 'RECOMMENDATION')}: "${d.recommendation}"`
      );
    }
    case 'ComplaintRecommendationImplemented': {
      const d = event.data;
      return (
        `${d.reportedByAgencyCode ?? 'the Ombudsman'} reported recommendation ${d.recommendationNumber} to ${d.agencyCode} ` +
        `implemented ${d.onTime ? 'on time' : 'LATE'} (due ${d.dueAt}): "${d.note}"`
      );
    }
    case 'ReporterIdentityErased':
      return "the reporter's identity erased: their contact reads [erased] everywhere";
    default:
      return unknownEvent(event);
  }
}

const quoted = (text: string | null): string => (text ? `: "${text}"` : '');

const forAgency = (agencyCode: string | null): string => (agencyCode ? ` for ${agencyCode}` : ' at triage');

const dueOf = (deadlines: readonly DeadlineWindow[], kind: DeadlineWindow['kind']): string => {
  const window = deadlines.find((d) => d.kind === kind);
  return window ? `, due ${window.dueAt}` : '';
};

const ownText = (text: string, options: GistOptions): string =>
  options.showReporter ? `"${text}"` : `[the reporter's text, ${text.length} characters; --show-reporter]`;

function contactLine(contact: ContactView | null): string {
  if (!contact) return '(not opened)';
  if (contact.erased) return '[erased]';
  return [contact.name, contact.email, contact.phone].filter(Boolean).join(' · ');
}

// The compiler checks the switch above is exhaustive; a type unknown to it prints no data at all.
const unknownEvent = (event: never): string => `(${(event as { type: string }).type}: not described)`;
