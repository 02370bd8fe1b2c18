import type { Projection } from '#aduan/projections';
import { FaultInjector, NO_FAULTS, type FaultPoint } from './fault-injection.js';
import { withFaultPoint } from './read-model-projector.js';

describe('fault injection', () => {
  it('is inert without a plan', () => {
    const crashes: FaultPoint[] = [];
    const faults = new FaultInjector(null, (point) => crashes.push(point));
    for (let i = 0; i < 10; i++) faults.reached('projector-after-apply');
    expect(crashes).toEqual([]);
  });

  it('crashes exactly at the planned arrival', () => {
    const crashes: number[] = [];
    let arrivals = 0;
    const faults = new FaultInjector({ point: 'projector-after-apply', effect: 'kill-process', hit: 3 }, () =>
      crashes.push(arrivals),
    );
    for (arrivals = 1; arrivals <= 6; arrivals++) faults.reached('projector-after-apply');
    expect(crashes).toEqual([3]);
  });

  it('fails with the planned effect: the whole process, or only the projector thread', () => {
    const effects: string[] = [];
    for (const effect of ['kill-process', 'end-thread'] as const) {
      new FaultInjector({ point: 'projector-after-apply', effect, hit: 1 }, (_point, planned) =>
        effects.push(planned),
      ).reached('projector-after-apply');
    }
    expect(effects).toEqual(['kill-process', 'end-thread']);
  });

  it('sits after the last projection of a batch, which keeps its name, version and tables', async () => {
    const seen: string[] = [];
    const projection = (name: string): Projection => ({
      name,
      version: 2,
      tables: [name],
      apply: async () => {
        seen.push(name);
      },
    });
    const faults = new FaultInjector({ point: 'projector-after-apply', effect: 'kill-process', hit: 2 }, () =>
      seen.push('crash'),
    );
    const projections = withFaultPoint([projection('summary'), projection('feed')], faults);
    expect(projections.map((p) => [p.name, p.version, p.tables])).toEqual([
      ['summary', 2, ['summary']],
      ['feed', 2, ['feed']],
    ]);
    const sql = { query: async () => ({ rows: [], rowCount: 0 }) };
    for (let batch = 0; batch < 3; batch++) for (const p of projections) await p.apply(sql, []);
    expect(seen).toEqual(['summary', 'feed', 'summary', 'feed', 'crash', 'summary', 'feed']);
    const untouched = [projection('summary')];
    expect(withFaultPoint(untouched, NO_FAULTS)).toBe(untouched);
    expect(withFaultPoint(untouched, new FaultInjector(null))).toBe(untouched);
  });
});
