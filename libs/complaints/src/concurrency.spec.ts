import { leavesDecisionValid } from './concurrency.js';

describe('events a stale expectedVersion may be decided again past', () => {
  it("are the system's deadline annotations and an operator's erasure of the reporter's identity", () => {
    expect(leavesDecisionValid({ type: 'ComplaintDeadlineWarned', actorRole: 'system' })).toBe(true);
    expect(leavesDecisionValid({ type: 'ComplaintDeadlineBreached', actorRole: 'system' })).toBe(true);
    expect(leavesDecisionValid({ type: 'ReporterIdentityErased', actorRole: 'operator' })).toBe(true);
  });

  it('are not the same types written by anyone else', () => {
    expect(leavesDecisionValid({ type: 'ComplaintDeadlineWarned', actorRole: 'operator' })).toBe(false);
    expect(leavesDecisionValid({ type: 'ComplaintDeadlineBreached', actorRole: 'agency_officer' })).toBe(false);
    expect(leavesDecisionValid({ type: 'ReporterIdentityErased', actorRole: 'system' })).toBe(false);
    expect(leavesDecisionValid({ type: 'ReporterIdentityErased', actorRole: 'citizen' })).toBe(false);
  });

  it('are no decision, and nothing that is not a complaint event type', () => {
    for (const type of ['ComplaintEscalated', 'ComplaintAutoClosed', 'ComplaintForwarded', 'ComplaintResponded']) {
      expect(leavesDecisionValid({ type, actorRole: 'system' })).toBe(false);
      expect(leavesDecisionValid({ type, actorRole: 'operator' })).toBe(false);
    }
    expect(leavesDecisionValid({ type: 'toString', actorRole: 'system' })).toBe(false);
    expect(leavesDecisionValid({ type: 'constructor', actorRole: 'operator' })).toBe(false);
  });
});
