/**
 * How `watch` prints its events, one line each as it comes: a table row on
 * a terminal (the event, then the kind's columns, its status as
 * `previous → status` for a change), or one JSON object per line when piped.
 */
import type { AnyListingKind } from '../bedrock/listing-kind.js';
import type { WatchEvent } from '../watch/watch-event.js';
import { heading, pad, text, widthOf } from './output-formats.js';
import { SOURCE_COLUMNS, SOURCE_WIDTHS, sourceCells } from './source-columns.js';

/** A job summary as the listing gives it. */
type Summary = Readonly<Record<string, unknown>>;

/** How events are printed: a header, then each event. */
export interface EventFormat {
  header(): string;
  event(event: WatchEvent<Summary>): string;
}

/** The names of the event formats, which `watch --output` takes. */
export const EVENT_FORMAT_NAMES = ['table', 'ndjson'] as const;
/** One of {@link EVENT_FORMAT_NAMES}. */
export type EventFormatName = (typeof EVENT_FORMAT_NAMES)[number];

/** The event column: `added` or `changed`, and a space. */
const EVENT_WIDTH = 'changed'.length + 2;
/** The column every job kind's lifecycle reads. */
const STATUS = 'status';

/**
 * The two formats for one kind of jobs. NDJSON lines are
 * `{"type":"changed","job":{…},"previous":{…}}` (`previous` only on a
 * change), times in ISO-8601 as JSON writes them. A watch over several
 * sources (`severalSources`) starts table rows with the region and account.
 */
export function eventFormats(kind: AnyListingKind, severalSources = false): Record<EventFormatName, EventFormat> {
  const columns = kind.columns as readonly string[];
  const sourceColumns = severalSources ? SOURCE_COLUMNS : [];
  // The status column holds two statuses and an arrow; the last column, the name, is never cut.
  const widths = [
    EVENT_WIDTH,
    ...sourceColumns.map((column) => SOURCE_WIDTHS[column]),
    ...columns.map((column, index) => {
      if (index === columns.length - 1) return 0;
      const width = widthOf(kind, column);
      return column === STATUS ? 2 * width + 1 : width;
    }),
  ];
  const row = (cells: readonly string[]) =>
    `${cells.map((cell, index) => (widths[index] ? pad(cell, widths[index]) : cell)).join('')}\n`;
  const cell = (event: WatchEvent<Summary>, column: string) => {
    const now = text(event.job[column]);
    if (column !== STATUS || event.type !== 'changed') return now;
    const before = text(event.previous[column]);
    return before === now ? now : `${before} → ${now}`;
  };
  return {
    ndjson: {
      header: () => '',
      event: (event) => `${JSON.stringify(event)}\n`,
    },
    table: {
      header: () => row(['event', ...sourceColumns, ...columns].map(heading)),
      event: (event) =>
        row([
          event.type,
          ...(severalSources ? sourceCells(kind, event.job) : []),
          ...columns.map((column) => cell(event, column)),
        ]),
    },
  };
}
