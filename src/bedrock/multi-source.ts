/**
 * What makes a listing over several regions or accounts Bedrock's: the
 * sources from `regions` or `clients`, their identity in the resume token,
 * their names in messages, and the API's order across them. The merge and
 * the token are generic (src/paging/merged-listing.ts).
 */
import type { Listing } from '../paging/listing.js';
import { MergedListing, type PageSource } from '../paging/merged-listing.js';
import { decodeMergedToken } from '../paging/merged-token.js';
import { assertOptionalFunction, inputError } from '../validation/input-errors.js';
import { arnParts } from './arn-parts.js';
import { type BedrockClientLike, isClientLike, regionOfClient } from './client-like.js';
import { defaultClientFor } from './default-client.js';
import { type AnyListingKind, itemTime } from './listing-kind.js';

/**
 * A source that failed and was skipped, as `onSourceSkipped` is told of it
 * (with `onSourceError: 'skip'`).
 */
export interface SkippedSource {
  /** Its place in `regions` or `clients`, from 0. */
  readonly index: number;
  /** Its region: from `regions`, its client's config, or the ARN of an item it listed; `undefined` when none says. */
  readonly region: string | undefined;
  /** Its account, from the ARN of an item it listed; `undefined` when it failed before listing any. */
  readonly accountId: string | undefined;
  /** Why it failed: a `PaginationError` once its retries ran out, or what its client threw. */
  readonly error: unknown;
}

/** The options of a listing over several sources, on top of a single listing's. */
export interface MultiSourceFields {
  readonly regions?: readonly string[] | undefined;
  readonly clients?: readonly BedrockClientLike[] | undefined;
  readonly onSourceError?: 'fail' | 'skip' | undefined;
  readonly onSourceSkipped?: ((source: SkippedSource) => void) | undefined;
}

/** A region name as the SDK takes it: `us-east-1`, `eu-central-1`. */
const REGION_PATTERN = /^[a-z0-9](?:[a-z0-9-]{0,48}[a-z0-9])?$/;

/** One source: how to get its client, and what names it. */
interface SourceOfClient {
  readonly client: () => BedrockClientLike;
  /** Its region when `regions` names it; else its client's, resolved at the start of a run. */
  readonly region: () => Promise<string | undefined>;
}

/**
 * The sources that `regions` or `clients` name, checked before any request:
 * `undefined` when neither is given (a single listing). Both, or either with
 * `client`, is a TypeError; an empty list or a repeated source a RangeError.
 */
export function sourcesOf(options: MultiSourceFields & { readonly client?: unknown }): SourceOfClient[] | undefined {
  const { regions, clients, client, onSourceError, onSourceSkipped } = options;
  if (regions === undefined && clients === undefined) {
    for (const key of ['onSourceError', 'onSourceSkipped'] as const) {
      if (options[key] !== undefined) {
        throw inputError(
          TypeError,
          `options.${key}`,
          options[key],
          'left out: it applies only with options.regions or options.clients',
        );
      }
    }
    return undefined;
  }
  if (regions !== undefined && clients !== undefined) {
    throw new TypeError(
      'options.regions and options.clients cannot both be given: pass regions for default clients, one per region, or clients for your own.',
    );
  }
  if (client !== undefined) {
    const other = regions !== undefined ? 'regions' : 'clients';
    throw new TypeError(
      `options.client and options.${other} cannot both be given: options.client lists one source, options.${other} several.`,
    );
  }
  if (onSourceError !== undefined && onSourceError !== 'fail' && onSourceError !== 'skip') {
    throw inputError(RangeError, 'options.onSourceError', onSourceError, "'fail' (the default) or 'skip'");
  }
  assertOptionalFunction(onSourceSkipped, 'options.onSourceSkipped', '({ index, region, accountId, error }) => void');
  const list = regions ?? clients;
  const field = regions !== undefined ? 'options.regions' : 'options.clients';
  const listRule =
    regions !== undefined
      ? "a non-empty array of region names, such as ['us-east-1', 'us-west-2']"
      : 'a non-empty array of SDK clients';
  if (!Array.isArray(list)) throw inputError(TypeError, field, list, listRule);
  if (list.length === 0) throw inputError(RangeError, field, list, listRule);
  if (regions !== undefined) {
    return regions.map((region, index) => {
      const rule = 'a region name: lower-case letters, digits and hyphens, such as us-east-1';
      if (typeof region !== 'string') throw inputError(TypeError, `options.regions[${index}]`, region, rule);
      if (!REGION_PATTERN.test(region)) throw inputError(RangeError, `options.regions[${index}]`, region, rule);
      if (regions.indexOf(region) !== index) {
        throw inputError(
          RangeError,
          `options.regions[${index}]`,
          region,
          `a region not listed before (it is options.regions[${regions.indexOf(region)}])`,
        );
      }
      return { client: () => defaultClientFor(region), region: async () => region };
    });
  }
  return (clients as readonly BedrockClientLike[]).map((each, index) => {
    const rule = 'an SDK client with a send method, such as new BedrockClient()';
    if (!isClientLike(each)) throw inputError(TypeError, `options.clients[${index}]`, each, rule);
    const first = (clients as readonly BedrockClientLike[]).indexOf(each);
    if (first !== index)
      throw inputError(
        RangeError,
        `options.clients[${index}]`,
        each,
        `a client not listed before (it is options.clients[${first}])`,
      );
    return { client: () => each, region: () => regionOfClient(each) };
  });
}

/** The region and account of a source: from its identity, else from the ARN of an item it listed. */
function whereIs(kind: AnyListingKind, source: PageSource, sample: object | undefined) {
  let fromArn: { region: string; accountId: string } | undefined;
  const arn = (sample as Record<string, unknown> | undefined)?.[kind.arnField];
  if (typeof arn === 'string') {
    try {
      fromArn = arnParts(arn);
    } catch {
      fromArn = undefined;
    }
  }
  const region = source.id.startsWith('#') ? fromArn?.region || undefined : source.id;
  return { region, accountId: fromArn?.accountId || undefined };
}

/** The API's order across sources: the kind's time field, in `sortOrder` (default Descending). */
export function compareByTime(kind: AnyListingKind, sortOrder: unknown): (a: object, b: object) => number {
  const time = (item: object) => itemTime(kind, item);
  return sortOrder === 'Ascending' ? (a, b) => time(a) - time(b) : (a, b) => time(b) - time(a);
}

/**
 * The merged listing of `sources`: each source's own listing, made by
 * `listingOf` from its client and page token, merged by time.
 */
export function mergedListing<Summary extends object>(
  kind: AnyListingKind,
  sources: readonly SourceOfClient[],
  fields: MultiSourceFields & { readonly startingToken?: unknown; readonly signal?: AbortSignal | undefined },
  sortOrder: unknown,
  listingOf: (client: () => BedrockClientLike, startingToken: string | undefined) => Listing<Summary>,
): MergedListing<Summary> {
  const startingToken =
    fields.startingToken === undefined
      ? undefined
      : decodeMergedToken(fields.startingToken, sources.length, 'options.startingToken');
  const { onSourceSkipped } = fields;
  return MergedListing.create<Summary>({
    operation: kind.operation,
    sources: sources.map((source, index) => ({
      listing: (token) => listingOf(source.client, token),
      identity: async () => (await source.region()) ?? `#${index}`,
    })),
    compare: compareByTime(kind, sortOrder),
    startingToken,
    signal: fields.signal,
    skipFailed: fields.onSourceError === 'skip',
    describe: (source, sample) => {
      const { region, accountId } = whereIs(kind, source, sample);
      const where = [region && `region ${region}`, accountId && `account ${accountId}`].filter(Boolean).join(', ');
      return `source ${source.index + 1} of ${sources.length} (options.${fields.regions ? 'regions' : 'clients'}[${source.index}]${where ? `: ${where}` : ''})`;
    },
    onSkipped:
      onSourceSkipped &&
      ((source, sample, error) => {
        onSourceSkipped({ index: source.index, ...whereIs(kind, source, sample), error });
      }),
  });
}
