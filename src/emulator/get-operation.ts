/**
 * The Get operation of every job kind but customization (whose Get,
 * beside Create and Stop, is in job-operations.ts): the item that the
 * identifier names, answered in the shape of the SDK's Get output.
 */
import type { GetOperation } from '../bedrock/listing-kind.js';
import { ApiError } from './api-error.js';
import type { KindStore, StoredItem } from './kind-store.js';

type Body = Record<string, unknown>;

/** Whose account answers: the made-up members name it. */
interface Caller {
  readonly accountId: string;
}

/** The failure message of a failed job that was given none. */
export const DEFAULT_FAILURE_MESSAGE = 'The job failed: an internal error occurred in the emulated service.';

/**
 * Get outputs require members that summaries lack: these make them up,
 * so that an answer carries every member its schema requires.
 */
const REQUIRED_BEYOND_SUMMARY: Readonly<Record<string, (item: Body, context: Caller) => Body>> = {
  GetEvaluationJob: (item, context) => ({
    roleArn: `arn:aws:iam::${context.accountId}:role/BedrockEvaluation`,
    evaluationConfig: { automated: { datasetMetricConfigs: [] } },
    inferenceConfig: { models: [] },
    outputDataConfig: { s3Uri: `s3://evaluation/${String(item.jobName)}/output/` },
  }),
};

function getOf(store: KindStore<object>): GetOperation {
  const { get } = store.kind;
  if (!get) throw new TypeError(`emulator: ${store.kind.noun}s have no Get operation`);
  return get;
}

/** The item that `identifier` names: its ARN, or its name or ID where the operation takes them; else a 404. */
export function findItem(store: KindStore<object>, identifier: string): StoredItem<object> {
  const { alsoBy } = getOf(store);
  const found =
    store.findByArn(identifier) ??
    (alsoBy === 'name'
      ? store.ascending().find(({ item }) => (item as Body).jobName === identifier)
      : alsoBy === 'resourceId'
        ? store.ascending().find(({ arn }) => arn.endsWith(`/${identifier}`))
        : undefined);
  if (!found) {
    const noun = store.kind.noun;
    throw new ApiError(
      'ResourceNotFoundException',
      404,
      `${noun[0]?.toUpperCase()}${noun.slice(1)} ${identifier} does not exist.`,
    );
  }
  return found;
}

/** Why `stored` failed, for a job whose status is a failure other than a stop by its user; else undefined. */
export function failureMessageOf(store: KindStore<object>, stored: StoredItem<object>): string | undefined {
  const item = stored.item as Body;
  const status = String(item.status);
  if (status === 'Stopped' || !store.kind.lifecycle?.failed.includes(status)) return undefined;
  const given = item.failureMessage;
  return stored.failureMessage ?? (typeof given === 'string' ? given : DEFAULT_FAILURE_MESSAGE);
}

/** The Get output of the item `identifier` names: the summary's members that the output has, and why it failed. */
export function getItem(store: KindStore<object>, identifier: string, context: Caller): Body {
  const get = getOf(store);
  const stored = findItem(store, identifier);
  const item = stored.item as Body;
  // `[9, namespace, name, traits, input, output]`, the input and output as thunks.
  const outputSchema = get.schemas.operation[5];
  const output = (typeof outputSchema === 'function' ? outputSchema() : outputSchema) as readonly unknown[];
  const members = output[4] as readonly string[];
  const answer: Body = { ...REQUIRED_BEYOND_SUMMARY[get.operation]?.(item, context) };
  for (const member of members) if (item[member] !== undefined) answer[member] = item[member];
  const failure = failureMessageOf(store, stored);
  if (failure !== undefined) answer[get.failureField] = get.failureField === 'failureMessages' ? [failure] : failure;
  return answer;
}
