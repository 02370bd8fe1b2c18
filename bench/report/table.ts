/** A table for both outputs: aligned columns for the terminal, pipes for Markdown. */
export interface Table {
  readonly headers: readonly string[];
  readonly rows: readonly (readonly string[])[];
  /** Columns to align right (numbers). */
  readonly numeric?: readonly number[];
}

export function textTable(table: Table): string {
  const widths = table.headers.map((header, column) =>
    Math.max(header.length, ...table.rows.map((row) => (row[column] ?? '').length)),
  );
  const line = (cells: readonly string[]): string =>
    cells
      .map((cell, column) =>
        table.numeric?.includes(column) ? cell.padStart(widths[column]!) : cell.padEnd(widths[column]!),
      )
      .join('  ')
      .trimEnd();
  const rule = widths.map((width) => '-'.repeat(width)).join('  ');
  return [line(table.headers), rule, ...table.rows.map(line)].join('\n');
}

export function markdownTable(table: Table): string {
  const escape = (cell: string): string => cell.replaceAll('|', '\\|');
  const line = (cells: readonly string[]): string => `| ${cells.map(escape).join(' | ')} |`;
  const rule = table.headers.map((_, column) => (table.numeric?.includes(column) ? '---:' : '---'));
  return [line(table.headers), `|${rule.join('|')}|`, ...table.rows.map(line)].join('\n');
}
