/** Injection token for the DeadlineSchedule (policy and working calendar) decisions start deadlines with. */
export const DEADLINE_SCHEDULE = Symbol('DeadlineSchedule');
