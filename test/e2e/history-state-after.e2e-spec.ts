import { aComplaint, FORWARD, RESPOND, SUBMIT, type ComplaintView } from './support/operations.js';
import { TestEnvironment, token, type RunningApp } from './support/test-app.js';

const HISTORY_STATES = `query History($id: ID!) { complaintHistory(id: $id) {
  type revision stateAfter { id status version assignedAgency { code } responses { message } reporter { name } } } }`;

interface Step {
  type: string;
  revision: number;
  stateAfter: {
    id: string;
    status: string;
    version: number;
    assignedAgency: { code: string } | null;
    responses: { message: string }[];
    reporter: { name: string | null } | null;
  } | null;
}

describe("complaintHistory: each event's state after it", () => {
  let env: TestEnvironment;
  let api: RunningApp;
  const t: Record<string, string> = {};

  beforeAll(async () => {
    env = await TestEnvironment.start();
    api = await env.startApp();
    t.operator = await token({ sub: 'operator-1', role: 'operator' });
    t.bombana = await token({ sub: 'officer-bombana', role: 'agency_officer', agency: 'KAB-BOMBANA' });
    t.reporter = await token({ sub: 'citizen-anon', role: 'citizen' });
  });
  afterAll(async () => {
    await api?.close();
    await env?.stop();
  });

  it('folds the stream, and redacts an anonymous reporter as `complaint` does', async () => {
    const { submitComplaint } = await api.client.ok<{ submitComplaint: ComplaintView }>(
      SUBMIT,
      { input: aComplaint({ anonymous: true, reporter: { name: 'Pelapor Rahasia', phone: '081299998888' } }) },
      t.reporter,
    );
    const id = submitComplaint.id;
    await api.client.ok(FORWARD, { input: { complaintId: id, toAgencyCode: 'KAB-BOMBANA' } }, t.operator);
    const { respondToComplaint: complaint } = await api.client.ok<{ respondToComplaint: ComplaintView }>(
      RESPOND,
      { input: { complaintId: id, message: 'Sedang kami proses.' } },
      t.bombana,
    );

    const forOperator = (await api.client.ok<{ complaintHistory: Step[] }>(HISTORY_STATES, { id }, t.operator))
      .complaintHistory;
    expect(forOperator.map((s) => [s.type, s.stateAfter?.version, s.stateAfter?.assignedAgency?.code ?? null])).toEqual(
      [
        ['ComplaintSubmitted', 0, null],
        ['ComplaintForwarded', 1, 'KAB-BOMBANA'],
        ['ComplaintResponded', 2, 'KAB-BOMBANA'],
      ],
    );
    expect(forOperator.map((s) => s.stateAfter?.responses.length)).toEqual([0, 0, 1]);
    expect(forOperator.every((s) => s.stateAfter?.reporter?.name === 'Pelapor Rahasia')).toBe(true);

    // The last state is the complaint as it stands (as the last write answered it).
    expect(forOperator.at(-1)?.stateAfter?.status).toBe(complaint.status);
    expect(forOperator.at(-1)?.stateAfter?.version).toBe(complaint.version);

    // The agency never sees an anonymous reporter, in any state.
    const forAgency = (await api.client.ok<{ complaintHistory: Step[] }>(HISTORY_STATES, { id }, t.bombana))
      .complaintHistory;
    expect(forAgency).toHaveLength(3);
    expect(forAgency.every((s) => s.stateAfter !== null && s.stateAfter.reporter === null)).toBe(true);
    expect(JSON.stringify(forAgency)).not.toContain('Pelapor Rahasia');
  });
});
