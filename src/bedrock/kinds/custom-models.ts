import {
  type CustomModelSummary,
  ListCustomModels$,
  ListCustomModelsCommand,
  type ListCustomModelsRequest,
  ListCustomModelsRequest$,
  ModelStatus,
  SortModelsBy,
} from '@aws-sdk/client-bedrock';
import { CUSTOM_MODEL_NAME_PATTERN, MODEL_ARN_LENGTH, MODEL_ARN_PATTERN, wholeMatch } from '../api-limits.js';
import { nameContains, sortRules, timeBounds } from '../filter-rules.js';
import type { FilterOf, ListingKind } from '../listing-kind.js';
import { paginatorOf } from '../paginate.js';

const created = timeBounds('created', 'models');

/** ListCustomModels: the models that customization, import and copy jobs produce. */
export const customModels: ListingKind<ListCustomModelsRequest, CustomModelSummary> = {
  operation: 'ListCustomModels',
  name: 'custom-models',
  noun: 'custom model',
  command: ListCustomModelsCommand,
  schemas: { operation: ListCustomModels$, request: ListCustomModelsRequest$ },
  itemsKey: 'modelSummaries',
  arnField: 'modelArn',
  timeField: 'creationTime',
  filters: {
    creationTimeBefore: created.before,
    creationTimeAfter: created.after,
    nameContains: nameContains(CUSTOM_MODEL_NAME_PATTERN, 'modelName', 'models whose name contains this text'),
    baseModelArnEquals: {
      type: 'text',
      minLength: MODEL_ARN_LENGTH[0],
      maxLength: MODEL_ARN_LENGTH[1],
      pattern: MODEL_ARN_PATTERN,
      match: { field: 'baseModelArn', how: 'equals' },
      description: 'models customized from this base model',
    },
    foundationModelArnEquals: {
      type: 'text',
      // The reference gives this one a pattern and no length; the pattern bounds it.
      minLength: 1,
      maxLength: 2048,
      pattern: wholeMatch(
        'arn:aws(-[^:]+)?:bedrock:[a-z0-9-]{1,20}::foundation-model/[a-z0-9-]{1,63}[.]{1}([a-z0-9-]{1,63}[.]){0,2}[a-z0-9-]{1,63}([:][a-z0-9-]{1,63}){0,2}',
      ),
      match: { field: 'baseModelArn', how: 'equals' },
      description: 'models that descend from this foundation model',
    },
    ...sortRules(SortModelsBy),
    isOwned: {
      type: 'boolean',
      match: { field: 'ownerAccountId', how: 'owned' },
      description: 'true: only the models this account owns; false: only those shared with it',
    },
    modelStatus: {
      type: 'enum',
      values: Object.values(ModelStatus),
      match: { field: 'modelStatus', how: 'equals' },
      description: 'models in this state',
    },
  },
  columns: ['creationTime', 'modelStatus', 'customizationType', 'modelName'],
};

/**
 * The request fields of ListCustomModels, minus paging, with the SDK's own
 * types; the times may also be ISO-8601 strings.
 *
 * @example
 * ```ts
 * import { type CustomModelFilter, paginateCustomModels } from 'bedrock-customization-jobs';
 *
 * const filter: CustomModelFilter = { modelStatus: 'Active', isOwned: true, creationTimeAfter: '2026-01-01' };
 * const models = paginateCustomModels(filter);
 * ```
 */
export type CustomModelFilter = FilterOf<ListCustomModelsRequest>;

/**
 * Every custom model that matches `filter`, one at a time, in the API's
 * order, with everything {@link paginateCustomizationJobs} does: hidden
 * tokens, push-down, read-ahead, retries, resumable errors, abort.
 *
 * @param filter - ListCustomModels's own fields: `nameContains`,
 *   `baseModelArnEquals`, `foundationModelArnEquals`, `isOwned`,
 *   `modelStatus`, `creationTimeAfter`, `creationTimeBefore`, `sortBy`, `sortOrder`.
 * @param options - As {@link paginateCustomizationJobs}'s; `dedupe` keys on `modelArn`.
 * @returns A lazy async iterable of the SDK's `CustomModelSummary`.
 * @throws TypeError or RangeError, naming the field, the value and what is allowed.
 *
 * @example
 * ```ts
 * import { paginateCustomModels } from 'bedrock-customization-jobs';
 *
 * for await (const model of paginateCustomModels({ modelStatus: 'Active' })) {
 *   console.log(model.modelName, model.baseModelName);
 * }
 * ```
 */
export const paginateCustomModels = paginatorOf(customModels);
