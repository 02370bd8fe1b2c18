import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import type { BenchRun } from '../bench-run.js';
import type { TargetCheck } from '../targets.js';
import { FIGURES_LEGEND, figuresTable, targetsSummary, targetsTable } from './figures-table.js';
import { markdownTable, textTable } from './table.js';

const BEGIN = '<!-- bench:begin — written by `npm run bench`; edit outside these markers -->';
const END = '<!-- bench:end -->';

function context(run: BenchRun): string[] {
  const { machine, postgres, plan } = run;
  const settings = Object.entries(postgres.settings)
    .map(([name, value]) => `${name}=${value}`)
    .join(', ');
  const busy =
    machine.loadAverageAtStart >= 0.5
      ? ' — something used the cores in the minute before (the build `npm run bench` starts with counts too), so figures may be lower and noisier than on an idle machine'
      : '';
  return [
    `Date: ${run.startedAt.toISOString()} · mode: ${plan.mode} · run took ${Math.round(run.durationSeconds)} s`,
    `Machine: ${machine.cores} cores (${machine.cpuModel}), ${machine.memoryGiB} GiB, ${machine.os}, Node ${machine.node}`,
    `Load average when the run started: ${machine.loadAverageAtStart}${busy}`,
    `PostgreSQL ${postgres.version} (${postgres.origin}): ${settings}`,
    `HTTP loads: autocannon in a child process, ${plan.connections} connections, ${plan.httpSeconds} s each after a ${plan.warmupSeconds} s warm-up; ` +
      `store loads: ${plan.appendSeconds} s each; global reads and rebuild: best of ${plan.rounds}`,
  ];
}

/** The results as the terminal shows them. */
export function consoleReport(run: BenchRun, checks: readonly TargetCheck[]): string {
  return [
    ...context(run),
    '',
    textTable(figuresTable(run)),
    FIGURES_LEGEND,
    '',
    textTable(targetsTable(checks)),
    '',
    targetsSummary(checks),
  ].join('\n');
}

function markdownSection(run: BenchRun, checks: readonly TargetCheck[]): string {
  return [
    BEGIN,
    '## Latest run',
    '',
    ...context(run).map((line) => `- ${line}`),
    '',
    '### Figures',
    '',
    markdownTable(figuresTable(run)),
    '',
    FIGURES_LEGEND,
    '',
    '### Targets',
    '',
    markdownTable(targetsTable(checks)),
    '',
    `${targetsSummary(checks)}.`,
    END,
  ].join('\n');
}

/**
 * Puts this run's section into docs/benchmarks.md between the markers, leaving the rest of the
 * page (the method, the analysis, the before/after of fixes) as people wrote it.
 */
export async function writeBenchmarksDoc(path: string, run: BenchRun, checks: readonly TargetCheck[]): Promise<void> {
  const section = markdownSection(run, checks);
  const current = existsSync(path) ? await readFile(path, 'utf8') : `# Benchmarks\n\n${BEGIN}\n${END}\n`;
  const begin = current.indexOf(BEGIN);
  const end = current.indexOf(END);
  const next =
    begin >= 0 && end > begin
      ? `${current.slice(0, begin)}${section}${current.slice(end + END.length)}`
      : `${current.trimEnd()}\n\n${section}\n`;
  await writeFile(path, next);
}
