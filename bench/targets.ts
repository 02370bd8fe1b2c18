import type { BenchRun } from './bench-run.js';
import type { ApiLoadFigures } from './measurements/api-load.js';
import type { ReadRebuildFigures } from './measurements/read-and-rebuild.js';

/** One target of the issue, judged on figures of the same run. */
export interface TargetCheck {
  readonly target: string;
  readonly measured: string;
  readonly required: string;
  readonly met: boolean;
  /**
   * A limit rather than a target: a bound measured in the run on what the target it belongs to could
   * reach here. `met` then says the target is within reach; not met, it is out of reach on this machine.
   */
  readonly limit?: true;
}

const ratio = (value: number): string => `${value.toFixed(2)}×`;
const ms = (value: number): string => `${value.toFixed(1)} ms`;
const perSecond = (value: number): string => `${Math.round(value).toLocaleString('en-US')}/s`;
const change = (value: number): string => `${value >= 0 ? '+' : ''}${(value * 100).toFixed(0)} %`;

/** Largest tolerated worsening between the smallest and the largest store. */
const MAX_DEGRADATION = 0.2;
/** Steps of autocannon's latency percentiles (whole milliseconds), tolerated on top. */
const P99_RESOLUTION_MS = 2;

/** The targets, in its order. Ratios compare figures measured minutes apart on one machine. */
export function evaluateTargets(run: BenchRun): TargetCheck[] {
  const checks: TargetCheck[] = [];
  const check = (target: string, measured: string, required: string, met: boolean): void =>
    void checks.push({ target, measured, required, met });
  const limit = (target: string, measured: string, required: string, met: boolean): void =>
    void checks.push({ target, measured, required, met, limit: true });
  const { api, read } = run;

  const submitShare = api.submit.perSecond / api.ceilingA.perSecond;
  check('submitComplaint ÷ ceiling A (req/s)', ratio(submitShare), '≥ 0.50×', submitShare >= 0.5);
  const bestSubmit = bestSubmitShare(api, run.machine.cores);
  if (bestSubmit !== null) {
    limit(
      `best submitComplaint ÷ ceiling A the CPU allows on ${run.machine.cores} cores (ceiling A's server CPU + a submit's PostgreSQL and load-generator CPU per request, every core busy)`,
      ratio(bestSubmit),
      '≥ 0.50× for the submit ÷ ceiling A target to be within reach (with the PostgreSQL work a submit does)',
      bestSubmit >= 0.5,
    );
  }
  check(
    `submitComplaint p99 at ${api.connections} connections`,
    ms(api.submit.p99Ms),
    '< 100 ms',
    api.submit.p99Ms < 100,
  );
  const cutOff = api.submit.stored - api.submit.answered;
  check(
    'submitComplaint: errors, and stored events − answered submits',
    `${api.submit.errors} errors; ${api.submit.stored} − ${api.submit.answered} = ${cutOff}`,
    `0 errors; 0…${api.connections} (requests cut off by the end of the run)`,
    api.submit.errors === 0 && cutOff >= 0 && cutOff <= api.connections,
  );
  const httpErrors = [
    api.ceilingA,
    api.complaintById,
    api.complaintsPage,
    ...(api.inProcessProjector ? [api.inProcessProjector.submit] : []),
    ...run.scale.map((p) => p.complaintById),
  ]
    .map((load) => load.errors)
    .reduce((a, b) => a + b, 0);
  check('errors in every other HTTP load', String(httpErrors), '0', httpErrors === 0);

  for (const round of run.appends) {
    const overEmmett = round.port.perSecond / round.emmett.perSecond;
    const overCeiling = round.port.perSecond / round.ceilingB.perSecond;
    check(`appends ÷ Emmett, ${round.writers} writers`, ratio(overEmmett), '≥ 2.00×', overEmmett >= 2);
    check(`appends ÷ ceiling B, ${round.writers} writers`, ratio(overCeiling), '≥ 0.70×', overCeiling >= 0.7);
    const errors = round.port.errors + round.existing.errors + round.emmett.errors + round.ceilingB.errors;
    if (errors > 0) check(`append errors, ${round.writers} writers`, String(errors), '0', false);
  }

  const readShare = read.readAll.perSecond / read.rawScan.perSecond;
  check('readAll ÷ raw keyset scan (events/s)', ratio(readShare), '≥ 0.50×', readShare >= 0.5);
  check(
    'events read: raw scan, readAll, rebuild vs count(*)',
    `${read.rawScan.events}, ${read.readAll.events}, ${read.rebuild.events} vs ${read.storedEvents}`,
    'all equal',
    [read.rawScan.events, read.readAll.events, read.rebuild.events].every((n) => n === read.storedEvents),
  );
  check(
    'complaint_summary rows after rebuild vs streams',
    `${read.projectedComplaints} vs ${read.storedStreams}`,
    'equal',
    read.projectedComplaints === read.storedStreams,
  );
  check('rebuild rate', perSecond(read.rebuild.perSecond), '≥ 100,000/s', read.rebuild.perSecond >= 100_000);
  limit(
    'write floor of the rebuild (its rows written from text by PostgreSQL alone)',
    perSecond(read.writeFloor.perSecond),
    '≥ 100,000/s for the rebuild rate target to be within reach',
    read.writeFloor.perSecond >= 100_000,
  );
  const rebuildShare = read.rebuild.perSecond / read.rawScan.perSecond;
  check('rebuild ÷ raw keyset scan (events/s)', ratio(rebuildShare), '≥ 0.50×', rebuildShare >= 0.5);
  const foldShare = read.foldFloor.perSecond / read.rawScan.perSecond;
  limit(
    'fold floor of the rebuild ÷ raw keyset scan (read and fold, nothing written)',
    ratio(foldShare),
    '≥ 0.50× for the rebuild ÷ raw scan target to be within reach',
    foldShare >= 0.5,
  );
  const best = bestRebuildShare(read, run.machine.cores);
  if (best !== null) {
    limit(
      `best rebuild ÷ raw keyset scan the floors allow on ${run.machine.cores} cores (their CPU per event summed, every core busy)`,
      ratio(best),
      '≥ 0.50× for the rebuild ÷ raw scan target to be within reach',
      best >= 0.5,
    );
  }

  check('projection lag p99 during load 1', ms(api.lag.p99), '< 100 ms', api.lag.p99 < 100 && api.lag.count > 0);
  if (api.lag.errors > 0) check('projection-lag probe errors', String(api.lag.errors), '0', false);

  const small = run.scale[0];
  const large = run.scale.at(-1);
  if (small && large && large !== small) {
    const size = (events: number): string => events.toLocaleString('en-US');
    const sizes = `${size(small.storedEvents)} → ${size(large.storedEvents)} events`;
    const worse = (before: number, after: number): number => after / before - 1;
    const slower = (before: number, after: number): number => before / after - 1;
    const degradation = (what: string, measured: number, required = `≤ +${MAX_DEGRADATION * 100} %`, met?: boolean) =>
      check(what, change(measured), required, met ?? measured <= MAX_DEGRADATION);
    degradation(`append p50, ${sizes}`, worse(small.append.latency.p50, large.append.latency.p50));
    degradation(`append p99, ${sizes}`, worse(small.append.latency.p99, large.append.latency.p99));
    degradation(`complaint(id) req/s, ${sizes}`, slower(small.complaintById.perSecond, large.complaintById.perSecond));
    degradation(`complaint(id) mean latency, ${sizes}`, worse(small.complaintById.meanMs, large.complaintById.meanMs));
    // autocannon reports percentiles in whole milliseconds: at a few ms, one step is already 10–30 %.
    const [p99Before, p99After] = [small.complaintById.p99Ms, large.complaintById.p99Ms];
    degradation(
      `complaint(id) p99, ${sizes} (${p99Before} → ${p99After} ms)`,
      worse(p99Before, p99After),
      `≤ +${MAX_DEGRADATION * 100} % or ≤ +${P99_RESOLUTION_MS} ms`,
      worse(p99Before, p99After) <= MAX_DEGRADATION || p99After - p99Before <= P99_RESOLUTION_MS,
    );
    if (large.rebuild) {
      degradation(
        `rebuild events/s, ${size(read.storedEvents)} → ${size(large.rebuild.events)} events`,
        slower(read.rebuild.perSecond, large.rebuild.perSecond),
      );
    }
  }
  return checks;
}

/**
 * A submit costs the machine at least what the framework spends answering any request (ceiling A's
 * server CPU per request), the PostgreSQL work it causes (its durable append and its projection into
 * the read models, as measured in load 1) and the load generator's CPU for it, which shares the
 * cores. With every core busy all the time, submits could run at no more than cores ÷ that; the
 * answer is that rate over ceiling A's. Null where PostgreSQL's CPU cannot be seen.
 */
export function bestSubmitShare(api: ApiLoadFigures, cores: number): number | null {
  const { submit, ceilingA } = api;
  if (submit.cpu.postgresUs === null || !Number.isFinite(submit.generatorUs)) return null;
  const leastUs = ceilingA.cpu.processUs + submit.cpu.postgresUs + submit.generatorUs;
  return (cores * 1_000_000) / leastUs / ceilingA.perSecond;
}

/**
 * A rebuild must at least read and fold every event (the fold floor) and have PostgreSQL write the
 * resulting rows (the write floor). Both floors' CPU per event, Node's and PostgreSQL's, summed is
 * the least CPU any rebuild spends per event; with every core busy all the time it could run at no
 * more than cores ÷ that. Null where PostgreSQL's CPU cannot be seen (DATABASE_URL elsewhere).
 */
export function bestRebuildShare(read: ReadRebuildFigures, cores: number): number | null {
  const { foldFloor, writeFloor, rawScan } = read;
  if (foldFloor.cpu.postgresUs === null || writeFloor.cpu.postgresUs === null) return null;
  const leastUs =
    foldFloor.cpu.processUs + foldFloor.cpu.postgresUs + writeFloor.cpu.processUs + writeFloor.cpu.postgresUs;
  const bestPerSecond = (cores * 1_000_000) / leastUs;
  return bestPerSecond / rawScan.perSecond;
}
