import type { ModelCustomizationJobSummary } from '@aws-sdk/client-bedrock';

/** How items are printed: a header, each item, a footer. Every piece is written as soon as it is known. */
export interface OutputFormat {
  header(): string;
  item(job: ModelCustomizationJobSummary, index: number): string;
  footer(continuation: string | undefined): string;
}

export const OUTPUT_NAMES = ['json', 'ndjson', 'table', 'csv'] as const;
export type OutputName = (typeof OUTPUT_NAMES)[number];

const time = (value: Date | undefined) => value?.toISOString() ?? '';

const CSV_COLUMNS = [
  'jobArn',
  'jobName',
  'status',
  'customizationType',
  'creationTime',
  'lastModifiedTime',
  'endTime',
  'baseModelArn',
  'customModelArn',
  'customModelName',
] as const;

function csvCell(value: unknown): string {
  const text = value instanceof Date ? value.toISOString() : value === undefined ? '' : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

const pad = (text: string, width: number) => (text.length > width ? `${text.slice(0, width - 1)}…` : text.padEnd(width));

export const OUTPUT_FORMATS: Record<OutputName, OutputFormat> = {
  /** One JSON object per line: streams, and pipes into jq. */
  ndjson: {
    header: () => '',
    item: (job) => `${JSON.stringify(job)}\n`,
    footer: () => '',
  },
  /** The AWS CLI's shape: the list under its API name, and NextToken when the listing was cut. */
  json: {
    header: () => '{\n  "modelCustomizationJobSummaries": [',
    item: (job, index) => `${index === 0 ? '\n' : ',\n'}${JSON.stringify(job, null, 2).replace(/^/gm, '    ')}`,
    footer: (continuation) =>
      `${'\n  ]'}${continuation === undefined ? '' : `,\n  "NextToken": ${JSON.stringify(continuation)}`}\n}\n`,
  },
  /** Fixed widths, so that rows print as they come instead of after the whole listing. */
  table: {
    header: () => `${pad('CREATED', 25)}${pad('STATUS', 11)}${pad('TYPE', 27)}NAME\n`,
    item: (job) =>
      `${pad(time(job.creationTime), 25)}${pad(job.status ?? '', 11)}${pad(job.customizationType ?? '', 27)}${job.jobName ?? ''}\n`,
    footer: () => '',
  },
  csv: {
    header: () => `${CSV_COLUMNS.join(',')}\r\n`,
    item: (job) => `${CSV_COLUMNS.map((column) => csvCell(job[column])).join(',')}\r\n`,
    footer: () => '',
  },
};
