import { badUserInput } from './api-errors.js';

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

/** Page sizes are bounded so no request can ask the database for an unbounded list. */
export function pageSize(first: number | null | undefined): number {
  if (first === null || first === undefined) return DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE_SIZE) {
    throw badUserInput(`first must be between 1 and ${MAX_PAGE_SIZE}, not ${first}`, { field: 'first' });
  }
  return first;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Complaint ids are UUIDs; anything else is the caller's mistake, said plainly. */
export function complaintId(id: string, field = 'id'): string {
  if (!UUID.test(id))
    throw badUserInput(`${field} must be a complaint id (a UUID), not "${id.slice(0, 60)}"`, { field });
  return id.toLowerCase();
}
