import {
  MAX_RESULTS_MAX,
  MAX_RESULTS_MIN,
  NAME_CONTAINS_MAX_LENGTH,
  NAME_CONTAINS_PATTERN,
  NEXT_TOKEN_MAX_LENGTH,
  NEXT_TOKEN_PATTERN,
  parseIsoTime,
  SORT_BY_VALUES,
  SORT_ORDERS,
  STATUSES,
} from '../bedrock/api-limits.js';
import { Violations } from './api-error.js';
import { type JobStore, type StoredJob, summaryJson } from './job-store.js';
import { decodePageToken, encodePageToken, type KeyPosition, queryKey } from './page-token.js';

/**
 * The page size when a request names none. The API reference documents no default; this is the emulator's.
 *
 * @example
 * ```ts
 * import { BedrockClient, ListModelCustomizationJobsCommand } from '@aws-sdk/client-bedrock';
 * import { DEFAULT_MAX_RESULTS, startEmulator } from 'bedrock-customization-jobs/emulator';
 *
 * const emulator = await startEmulator({ jobs: { count: 250 } });
 * const client = new BedrockClient({
 *   endpoint: emulator.url,
 *   region: 'us-east-1',
 *   credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
 * });
 * const page = await client.send(new ListModelCustomizationJobsCommand({}));
 * console.log(page.modelCustomizationJobSummaries?.length === DEFAULT_MAX_RESULTS); // true
 * await emulator.close();
 * ```
 */
export const DEFAULT_MAX_RESULTS = 100;

export interface ListQuery {
  readonly filter: {
    readonly statusEquals: string | undefined;
    readonly nameContains: string | undefined;
    readonly creationTimeAfter: number | undefined;
    readonly creationTimeBefore: number | undefined;
    readonly sortBy: string;
    readonly sortOrder: string;
  };
  readonly maxResults: number;
  readonly nextToken?: string;
}

/**
 * Reads and checks the query string as the service does, reporting every
 * violation at once in AWS's own wording.
 */
export function parseListQuery(params: URLSearchParams): ListQuery {
  const violations = new Violations();
  const violation = violations.add.bind(violations);
  const param = (name: string) => params.get(name) ?? undefined;

  const oneOf = (field: string, allowed: readonly string[]) => {
    const value = param(field);
    if (value !== undefined && !allowed.includes(value)) {
      violation(field, value, `Member must satisfy enum value set: [${allowed.join(', ')}]`);
    }
    return value;
  };
  const statusEquals = oneOf('statusEquals', STATUSES);
  const sortBy = oneOf('sortBy', SORT_BY_VALUES) ?? 'CreationTime';
  const sortOrder = oneOf('sortOrder', SORT_ORDERS) ?? 'Descending';

  const nameContains = param('nameContains');
  if (nameContains !== undefined) {
    if (nameContains.length < 1) violation('nameContains', nameContains, 'Member must have length greater than or equal to 1');
    if (nameContains.length > NAME_CONTAINS_MAX_LENGTH) {
      violation('nameContains', nameContains, `Member must have length less than or equal to ${NAME_CONTAINS_MAX_LENGTH}`);
    }
    if (nameContains.length > 0 && !NAME_CONTAINS_PATTERN.test(nameContains)) {
      violation('nameContains', nameContains, `Member must satisfy regular expression pattern: ${NAME_CONTAINS_PATTERN.source}`);
    }
  }

  const time = (field: string) => {
    const value = param(field);
    if (value === undefined) return undefined;
    const ms = parseIsoTime(value);
    if (ms === undefined) violation(field, value, 'Member must be a timestamp in ISO-8601 format');
    return ms;
  };
  const creationTimeAfter = time('creationTimeAfter');
  const creationTimeBefore = time('creationTimeBefore');

  let maxResults = DEFAULT_MAX_RESULTS;
  const maxResultsText = param('maxResults');
  if (maxResultsText !== undefined) {
    maxResults = /^-?\d+$/.test(maxResultsText) ? Number(maxResultsText) : Number.NaN;
    if (Number.isNaN(maxResults)) violation('maxResults', maxResultsText, 'Member must be an integer');
    else if (maxResults < MAX_RESULTS_MIN) {
      violation('maxResults', maxResultsText, `Member must have value greater than or equal to ${MAX_RESULTS_MIN}`);
    } else if (maxResults > MAX_RESULTS_MAX) {
      violation('maxResults', maxResultsText, `Member must have value less than or equal to ${MAX_RESULTS_MAX}`);
    }
  }

  const nextToken = param('nextToken');
  if (nextToken !== undefined) {
    if (nextToken.length < 1) violation('nextToken', nextToken, 'Member must have length greater than or equal to 1');
    if (nextToken.length > NEXT_TOKEN_MAX_LENGTH) {
      violation('nextToken', nextToken, `Member must have length less than or equal to ${NEXT_TOKEN_MAX_LENGTH}`);
    }
    if (!NEXT_TOKEN_PATTERN.test(nextToken)) {
      violation('nextToken', nextToken, `Member must satisfy regular expression pattern: ${NEXT_TOKEN_PATTERN.source}`);
    }
  }

  violations.throwIfAny();
  // JSON.stringify leaves out the undefined members, so the query key depends only on what was sent.
  const filter = { statusEquals, nameContains, creationTimeAfter, creationTimeBefore, sortBy, sortOrder };
  return { filter, maxResults, ...(nextToken === undefined ? {} : { nextToken }) };
}

function comparePosition(stored: StoredJob, position: KeyPosition): number {
  return (
    stored.createdMs - position.createdMs ||
    (stored.job.jobArn < position.jobArn ? -1 : stored.job.jobArn > position.jobArn ? 1 : 0)
  );
}

/** How many jobs sort before `position`, in ascending order; with `orAt`, those equal to it too. */
function countBefore(jobs: readonly StoredJob[], position: KeyPosition, orAt: boolean): number {
  let low = 0;
  let high = jobs.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    const order = comparePosition(jobs[middle] as StoredJob, position);
    if (order < 0 || (orAt && order === 0)) low = middle + 1;
    else high = middle;
  }
  return low;
}

export interface ListPage {
  readonly jobs: readonly StoredJob[];
  nextToken?: string;
}

/** The response body, built from each job's cached JSON. */
export function listPageJson(page: ListPage): string {
  const summaries = `"modelCustomizationJobSummaries":[${page.jobs.map(summaryJson).join(',')}]`;
  return page.nextToken === undefined ? `{${summaries}}` : `{"nextToken":${JSON.stringify(page.nextToken)},${summaries}}`;
}

/**
 * How the emulator's tokens mark the next page: by the last job's key
 * (`keyset`, the default: jobs created meanwhile change nothing), or by a
 * count of matching jobs to skip (`offset`, as some services do: a job
 * created meanwhile shifts the rest, and one job comes twice).
 *
 * @example
 * ```ts
 * import { startEmulator } from 'bedrock-customization-jobs/emulator';
 *
 * // To test a consumer against a service whose tokens are offsets, as `dedupe` is for.
 * const emulator = await startEmulator({ jobs: { count: 500 }, tokenStyle: 'offset' });
 * await emulator.close();
 * ```
 */
export type TokenStyle = 'keyset' | 'offset';

/** One page of ListModelCustomizationJobs. */
export function listJobs(store: JobStore, query: ListQuery, tokenStyle: TokenStyle = 'keyset'): ListPage {
  const { filter } = query;
  const key = queryKey(filter);
  const position = query.nextToken === undefined ? undefined : decodePageToken(query.nextToken, key);
  const matches = ({ job, createdMs }: StoredJob) =>
    (filter.statusEquals === undefined || job.status === filter.statusEquals) &&
    (filter.nameContains === undefined || job.jobName.includes(filter.nameContains)) &&
    (filter.creationTimeAfter === undefined || createdMs > filter.creationTimeAfter) &&
    (filter.creationTimeBefore === undefined || createdMs < filter.creationTimeBefore);

  const jobs = store.ascending();
  const ascending = filter.sortOrder === 'Ascending';
  const step = ascending ? 1 : -1;
  let index: number;
  let skip = 0;
  if (position === undefined || 'offset' in position) {
    index = ascending ? 0 : jobs.length - 1;
    skip = position?.offset ?? 0;
  } else if (ascending) index = countBefore(jobs, position, true);
  else index = countBefore(jobs, position, false) - 1;

  const page: StoredJob[] = [];
  let more = false;
  for (; index >= 0 && index < jobs.length; index += step) {
    const stored = jobs[index] as StoredJob;
    if (!matches(stored)) continue;
    if (skip > 0) {
      skip--;
      continue;
    }
    if (page.length === query.maxResults) {
      more = true;
      break;
    }
    page.push(stored);
  }

  const result: ListPage = { jobs: page };
  const last = page.at(-1);
  if (more && last) {
    const offset = (position && 'offset' in position ? position.offset : 0) + page.length;
    const next = tokenStyle === 'offset' ? { offset } : { createdMs: last.createdMs, jobArn: last.job.jobArn };
    result.nextToken = encodePageToken(key, next);
  }
  return result;
}
