import type { BenchRun } from '../bench-run.js';
import type { AppendLoadResult } from '../load/append-load.js';
import type { HttpFigures } from '../load/http-load.js';
import type { CpuPerOperation } from '../support/cpu-meter.js';
import type { PassFigures } from '../measurements/read-and-rebuild.js';
import type { TargetCheck } from '../targets.js';
import type { Table } from './table.js';

const count = (value: number): string => Math.round(value).toLocaleString('en-US');
const ms = (value: number): string => (Number.isFinite(value) ? value.toFixed(value < 10 ? 2 : 1) : '–');
const events = (value: number): string => value.toLocaleString('en-US');

type Row = [
  section: string,
  measurement: string,
  rate: string,
  p50: string,
  p99: string,
  errors: string,
  nodeCpu: string,
  postgresCpu: string,
  note: string,
];

const micros = (value: number | null | undefined): string =>
  value === null || value === undefined || !Number.isFinite(value) ? '' : count(value);
const cpuCells = (cpu: CpuPerOperation | undefined): [string, string] => [
  micros(cpu?.processUs),
  micros(cpu?.postgresUs),
];

const httpRow = (section: string, name: string, load: HttpFigures, note = ''): Row => [
  section,
  name,
  `${count(load.perSecond)} req/s`,
  ms(load.p50Ms),
  ms(load.p99Ms),
  String(load.errors),
  ...cpuCells(load.cpu),
  note || httpNote(load),
];

const httpNote = (load: HttpFigures): string =>
  `mean ${ms(load.meanMs)} ms, ${count(load.succeeded)} answers in ${load.durationSeconds} s`;
const generatorNote = (load: HttpFigures): string => `load generator ${micros(load.generatorUs)} µs/op`;

const loopRow = (section: string, name: string, unit: string, loop: AppendLoadResult): Row => [
  section,
  name,
  `${count(loop.perSecond)} ${unit}`,
  ms(loop.latency.p50),
  ms(loop.latency.p99),
  String(loop.errors),
  ...cpuCells(loop.cpu),
  loop.firstError
    ? `first error: ${loop.firstError.slice(0, 80)}`
    : `${count(loop.operations)} in ${(loop.elapsedMs / 1000).toFixed(1)} s`,
];

const passRow = (name: string, pass: PassFigures, note: string, section = '6'): Row => [
  section,
  name,
  `${count(pass.perSecond)} events/s`,
  '',
  '',
  '',
  ...cpuCells(pass.cpu),
  `${events(pass.events)} events in ${(pass.elapsedMs / 1000).toFixed(2)} s; ${note}`,
];

const DIAGNOSTIC = `diagnostic (*): the same load with the projector in the API's event loop, not its thread`;

/** Every figure of the run, one row each, numbered by the sections. */
export function figuresTable(run: BenchRun): Table {
  const { api, read } = run;
  const c = `${api.connections} conn`;
  const rows: Row[] = [
    httpRow(
      '1',
      `submitComplaint, ${c}`,
      api.submit,
      `${api.submit.stored} events stored for ${api.submit.answered} answered submits; ${generatorNote(api.submit)}`,
    ),
    httpRow(
      '2',
      `ceiling A: { __typename }, ${c}`,
      api.ceilingA,
      `${httpNote(api.ceilingA)}; ${generatorNote(api.ceilingA)}`,
    ),
  ];
  const lagRow = (section: string, name: string, lag: typeof api.lag): Row => [
    section,
    name,
    `${lag.count} samples`,
    ms(lag.p50),
    ms(lag.p99),
    String(lag.errors),
    '',
    '',
    `submit answered → complaint_summary row visible (max ${ms(lag.max)} ms)`,
  ];
  for (const round of run.appends) {
    const w = `${round.writers} writers`;
    rows.push(
      loopRow('3', `ceiling B: INSERT commits, ${w}`, 'commits/s', round.ceilingB),
      loopRow('4', `Aduan PostgresEventStore.append, ${w}`, 'appends/s', round.port),
      loopRow('4', `Aduan append to existing streams (at the head), ${w}`, 'appends/s', round.existing),
      loopRow('4', `Emmett appendToStream, ${w}`, 'appends/s', round.emmett),
    );
  }
  rows.push(lagRow('5', 'projection lag during load 1', api.lag));
  const inProcess = api.inProcessProjector;
  if (inProcess) {
    rows.push(
      httpRow('1*', `submitComplaint, projector in the API's event loop`, inProcess.submit, DIAGNOSTIC),
      lagRow('5*', `projection lag, projector in the API's event loop`, inProcess.lag),
    );
  }
  rows.push(
    passRow(`raw keyset scan, batches of ${read.batchSize}`, read.rawScan, 'ORDER BY transaction_id, position'),
    passRow(`EventStore.readAll, batches of ${read.batchSize}`, read.readAll, 'through the port'),
    passRow('rebuild all read models', read.rebuild, `${events(read.projectedComplaints)} complaints projected`),
    passRow(
      'fold floor of that rebuild',
      read.foldFloor,
      'read through the port, decoded, one evolve per event; nothing written',
    ),
    passRow(
      'write floor of that rebuild',
      read.writeFloor,
      'its rows parsed from text by PostgreSQL alone into empty tables (as COPY would), secondary indexes built after',
    ),
  );
  for (const point of run.scale) {
    const at = `${events(point.storedEvents)} events`;
    if (point.rebuild) rows.push(passRow(`rebuild all read models, ${at}`, point.rebuild, 'before the lookups', '7'));
    rows.push(
      loopRow('7', `append, 1 writer, ${at}`, 'appends/s', point.append),
      httpRow('7', `complaint(id), ${run.plan.scaleConnections} conn, ${at}`, point.complaintById),
    );
  }
  rows.push(
    httpRow('8', `complaint(id), ${c}`, api.complaintById),
    httpRow('8', `complaints(first: 50), ${c}`, api.complaintsPage),
  );
  return {
    headers: ['§', 'Measurement', 'Rate', 'p50 ms', 'p99 ms', 'Errors', 'Node µs/op', 'PG µs/op', 'Note'],
    rows,
    numeric: [2, 3, 4, 5, 6, 7],
  };
}

/** What the CPU columns charge, since "Node" is a different process per kind of row. */
export const FIGURES_LEGEND =
  'Node µs/op: CPU of the Node process doing the work, per operation: the API server (with its projector, in ' +
  'its worker thread or not) for ' +
  'HTTP rows, the writer process for append rows, the reader or projector for §6. PG µs/op: CPU of all ' +
  'PostgreSQL processes per operation (embedded server only). CPU per operation holds when the cores are ' +
  'shared; rates and latencies do not.';

const resultOf = (check: TargetCheck): string =>
  check.limit ? (check.met ? 'limit: within reach' : 'limit: OUT OF REACH here') : check.met ? 'met' : 'MISSED';

/** "N of M targets met", and what the limit checks showed. */
export function targetsSummary(checks: readonly TargetCheck[]): string {
  const targets = checks.filter((check) => !check.limit);
  const limits = checks.filter((check) => check.limit);
  const met = targets.filter((check) => check.met).length;
  const outOfReach = limits.filter((check) => !check.met).length;
  return (
    `${met} of ${targets.length} targets met` +
    (limits.length > 0
      ? `; ${outOfReach} of ${limits.length} limit checks show the target they bound out of reach here`
      : '')
  );
}

/** The targets with their verdicts. */
export function targetsTable(checks: readonly TargetCheck[]): Table {
  return {
    headers: ['Target', 'Measured', 'Required', 'Result'],
    rows: checks.map((check) => [check.target, check.measured, check.required, resultOf(check)]),
  };
}
