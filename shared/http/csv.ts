/**
 * CSV that Excel opens correctly: a UTF-8 byte order mark so "Zoë" stays "Zoë", CRLF line ends,
 * every field quoted, and cells that a spreadsheet would run as a formula defused with a quote.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

function cell(value: unknown): string {
  let text = value === undefined || value === null ? '' : String(value);
  if (FORMULA_START.test(text)) text = `'${text}`;
  return `"${text.replaceAll('"', '""')}"`;
}

export interface CsvColumn<T> {
  header: string;
  cell: (row: T) => unknown;
}

export function toCsv<T extends object>(columns: ReadonlyArray<(keyof T & string) | CsvColumn<T>>, rows: readonly T[]): string {
  const asColumn = (column: (keyof T & string) | CsvColumn<T>): CsvColumn<T> => (typeof column === 'string' ? { header: column, cell: (row) => row[column] } : column);
  const all = columns.map(asColumn);
  const lines = [all.map((column) => cell(column.header)).join(','), ...rows.map((row) => all.map((column) => cell(column.cell(row))).join(','))];
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
