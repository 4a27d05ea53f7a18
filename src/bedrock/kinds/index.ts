import type { AnyListingKind } from '../listing-kind.js';
import { customModels } from './custom-models.js';
import { customizationJobs } from './customization-jobs.js';
import { evaluationJobs } from './evaluation-jobs.js';
import { modelCopyJobs } from './model-copy-jobs.js';
import { modelImportJobs } from './model-import-jobs.js';
import { modelInvocationJobs } from './model-invocation-jobs.js';

/** Every listing kind, the default (customization jobs) first: what the CLI, the emulator and the tests iterate over. */
export const LISTING_KINDS: readonly AnyListingKind[] = [
  customizationJobs,
  customModels,
  modelImportJobs,
  modelCopyJobs,
  modelInvocationJobs,
  evaluationJobs,
];

export { customizationJobs, customModels, evaluationJobs, modelCopyJobs, modelImportJobs, modelInvocationJobs };
