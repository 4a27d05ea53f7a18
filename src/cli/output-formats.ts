import type { AnyListingKind, FilterRule } from '../bedrock/listing-kind.js';
import { SOURCE_COLUMNS, SOURCE_WIDTHS, sourceCells } from './source-columns.js';
import { summaryFields } from './summary-fields.js';

/** How items are printed: a header, each item, a footer. Every piece is written as soon as it is known. */
export interface OutputFormat {
  header(): string;
  item(summary: Readonly<Record<string, unknown>>, index: number): string;
  footer(continuation: string | undefined): string;
}

/** The names `--output` takes. */
export const OUTPUT_NAMES = ['json', 'ndjson', 'table', 'csv'] as const;
/** One of {@link OUTPUT_NAMES}. */
export type OutputName = (typeof OUTPUT_NAMES)[number];

/** A cell's text: times in ISO-8601, nothing for a missing field. */
export const text = (value: unknown) => (value instanceof Date ? value.toISOString() : value === undefined ? '' : String(value));

function csvCell(value: unknown): string {
  const cell = text(value);
  return /[",\r\n]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell;
}

/** A cell at its column's width; one too long is cut with …, and still keeps a space before the next column. */
export const pad = (cell: string, width: number) => (cell.length >= width ? `${cell.slice(0, width - 2)}… ` : cell.padEnd(width));

/** A column's heading: `creationTime` → `CREATION TIME`. */
export const heading = (column: string) => column.replace(/[A-Z]/g, (letter) => ` ${letter}`).toUpperCase();

/**
 * How wide a table column is, from the declaration: a time takes an
 * ISO-8601 instant; a field that an enum filter matches takes its longest
 * value; anything else a fixed width, cut with … when longer.
 */
export function widthOf(kind: AnyListingKind, column: string): number {
  if (column === kind.timeField || /Time$/.test(column)) return 'YYYY-MM-DDTHH:MM:SS.sssZ'.length + 1;
  const enums = (Object.values(kind.filters) as FilterRule[]).flatMap((rule) =>
    rule.type === 'enum' && rule.match?.field === column ? rule.values : [],
  );
  const longest = Math.max(heading(column).length, ...enums.map((value) => value.length));
  return enums.length > 0 ? longest + 2 : Math.max(longest + 2, 28);
}

/**
 * The four formats for one kind: its items key for json, its `columns` for
 * the table, every scalar field of its summary for csv. A listing over
 * several sources (`severalSources`) starts table and csv rows with each
 * item's region and account; json and ndjson keep the SDK's summaries as
 * they are, whose ARNs name both.
 */
export function outputFormats(kind: AnyListingKind, severalSources = false): Record<OutputName, OutputFormat> {
  const columns = kind.columns as readonly string[];
  const sourceColumns = severalSources ? SOURCE_COLUMNS : [];
  const sources = (summary: Readonly<Record<string, unknown>>) => (severalSources ? sourceCells(kind, summary) : []);
  // The last column is the name, which the table never cuts.
  const widths = [
    ...sourceColumns.map((column) => SOURCE_WIDTHS[column]),
    ...columns.map((column, index) => (index === columns.length - 1 ? 0 : widthOf(kind, column))),
  ];
  const row = (cells: readonly string[]) =>
    `${cells.map((cell, index) => (widths[index] ? pad(cell, widths[index]) : cell)).join('')}\n`;
  const csvColumns = summaryFields(kind);
  return {
    /** One JSON object per line: streams, and pipes into jq. */
    ndjson: {
      header: () => '',
      item: (summary) => `${JSON.stringify(summary)}\n`,
      footer: () => '',
    },
    /** The AWS CLI's shape: the list under its API name, and NextToken when the listing was cut. */
    json: {
      header: () => `{\n  ${JSON.stringify(kind.itemsKey)}: [`,
      item: (summary, index) => `${index === 0 ? '\n' : ',\n'}${JSON.stringify(summary, null, 2).replace(/^/gm, '    ')}`,
      footer: (continuation) =>
        `${'\n  ]'}${continuation === undefined ? '' : `,\n  "NextToken": ${JSON.stringify(continuation)}`}\n}\n`,
    },
    /** Fixed widths, so that rows print as they come instead of after the whole listing. */
    table: {
      header: () => row([...sourceColumns, ...columns].map(heading)),
      item: (summary) => row([...sources(summary), ...columns.map((column) => text(summary[column]))]),
      footer: () => '',
    },
    /** The ARN, which names each item, the kind's columns, then the summary's other scalar fields. */
    csv: {
      header: () => `${[...sourceColumns, ...csvColumns].join(',')}\r\n`,
      item: (summary) => `${[...sources(summary), ...csvColumns.map((column) => csvCell(summary[column]))].join(',')}\r\n`,
      footer: () => '',
    },
  };
}
