/**
 * One coherent account from the emulator's options: each kind given as
 * items is taken as it is, each given as `{ count, seed }` is generated,
 * and the generated ones link up as a real account's would.
 */
import type {
  EmulatorCopyJob,
  EmulatorCustomModel,
  EmulatorEvaluationJob,
  EmulatorImportJob,
  EmulatorInvocationJob,
} from '../emulator-items.js';
import type { EmulatorJob } from '../job-store.js';
import { type Random, seededRandom } from '../random.js';
import { modelsOfJobs, otherModels } from './custom-models.js';
import { type GenerateJobsOptions, generateJobs } from './customization-jobs.js';
import { generateEvaluationJobs } from './evaluation-jobs.js';
import { generateCopyJobs } from './model-copy-jobs.js';
import { generateImportJobs } from './model-import-jobs.js';
import { generateInvocationJobs } from './model-invocation-jobs.js';

/** A kind's items: given as they are, or generated from a count and a seed. */
export type ItemsOption<Item> = readonly Item[] | GenerateJobsOptions;

/** What each kind of the account starts with; see `EmulatorOptions`. */
export interface AccountOptions {
  readonly jobs?: ItemsOption<EmulatorJob>;
  readonly customModels?: ItemsOption<EmulatorCustomModel>;
  readonly importJobs?: ItemsOption<EmulatorImportJob>;
  readonly copyJobs?: ItemsOption<EmulatorCopyJob>;
  readonly invocationJobs?: ItemsOption<EmulatorInvocationJob>;
  readonly evaluationJobs?: ItemsOption<EmulatorEvaluationJob>;
  readonly region?: string;
  readonly accountId?: string;
}

/** The items of every kind, as the emulator's stores start with them. */
export interface Account {
  readonly jobs: readonly EmulatorJob[];
  readonly customModels: readonly EmulatorCustomModel[];
  readonly importJobs: readonly EmulatorImportJob[];
  readonly copyJobs: readonly EmulatorCopyJob[];
  readonly invocationJobs: readonly EmulatorInvocationJob[];
  readonly evaluationJobs: readonly EmulatorEvaluationJob[];
}

type Generate = GenerateJobsOptions;

function isGenerate(option: ItemsOption<object> | undefined): option is Generate {
  return option !== undefined && !Array.isArray(option);
}

/** How many custom models a copy job needs to exist at least, when the account has none to copy. */
const COPY_SOURCES_WHEN_NONE = 5;

/**
 * Each kind draws on its own sequence, salted by kind, so that the same
 * seed gives different kinds different IDs and one kind's count never
 * shifts another's items.
 */
function randomOf(option: Generate, salt: number): Random {
  return seededRandom(((option.seed ?? 1) ^ salt) >>> 0);
}

/**
 * The account: customization jobs exactly as `generateJobs` makes them;
 * the custom models that the Completed customization, import and copy
 * jobs made, plus `customModels.count` more (some shared from another
 * account); import jobs naming the models they imported; copy jobs of
 * models that exist; batch inference and evaluation jobs on foundation
 * models and on the account's custom models. Given as items, a kind is
 * taken as it is, and the caller answers for its coherence.
 */
export function generateAccount(options: AccountOptions): Account {
  const region = options.region ?? 'us-east-1';
  const accountId = options.accountId ?? '123456789012';
  const generated = (
    [
      options.jobs,
      options.customModels,
      options.importJobs,
      options.copyJobs,
      options.invocationJobs,
      options.evaluationJobs,
    ] as (ItemsOption<object> | undefined)[]
  ).filter(isGenerate);
  // One "now" for the whole account, unless a kind pins its own.
  const accountEnd = (generated.find((option) => option.endingAt)?.endingAt ?? new Date()).getTime();
  const where = (option: Generate) => ({
    region: option.region ?? region,
    accountId: option.accountId ?? accountId,
    endingAt: option.endingAt?.getTime() ?? accountEnd,
  });

  const jobs = isGenerate(options.jobs)
    ? generateJobs({ ...options.jobs, ...where(options.jobs), endingAt: new Date(where(options.jobs).endingAt) })
    : (options.jobs ?? []);

  let importJobs: readonly EmulatorImportJob[] = [];
  let importedModels: EmulatorCustomModel[] = [];
  if (isGenerate(options.importJobs)) {
    const made = generateImportJobs(randomOf(options.importJobs, 0x1a), options.importJobs.count, where(options.importJobs));
    importJobs = made.jobs;
    importedModels = made.models;
  } else importJobs = options.importJobs ?? [];

  const givenModels = Array.isArray(options.customModels) ? (options.customModels as readonly EmulatorCustomModel[]) : undefined;
  const modelsOption = isGenerate(options.customModels) ? options.customModels : { count: 0 };
  const modelsRandom = randomOf(modelsOption, 0x2b);
  let models: EmulatorCustomModel[] = givenModels
    ? [...givenModels]
    : [...modelsOfJobs(jobs), ...importedModels, ...otherModels(modelsRandom, modelsOption.count, where(modelsOption))];

  let copyJobs: readonly EmulatorCopyJob[] = options.copyJobs && !isGenerate(options.copyJobs) ? options.copyJobs : [];
  if (isGenerate(options.copyJobs)) {
    const whereCopies = where(options.copyJobs);
    let sources = models.filter((model) => model.modelStatus === undefined || model.modelStatus === 'Active');
    if (sources.length === 0 && options.copyJobs.count > 0) {
      // Nothing to copy yet: models of other teams appear, to be copied.
      sources = otherModels(modelsRandom, COPY_SOURCES_WHEN_NONE, whereCopies).map((model) => ({
        ...model,
        modelStatus: 'Active',
      }));
      if (!givenModels) models = [...models, ...sources];
    }
    const made = generateCopyJobs(randomOf(options.copyJobs, 0x3c), options.copyJobs.count, sources, whereCopies);
    copyJobs = made.jobs;
    if (!givenModels) models = [...models, ...made.models];
  }

  // Batch inference and evaluation run on the account's own models that are ready.
  const own = models.filter((model) => (model.ownerAccountId ?? accountId) === accountId);
  // Both kinds are generated the same way: on those models, each with its own salt.
  const onOwnModels = <T extends object>(
    option: ItemsOption<T> | undefined,
    salt: number,
    generate: (random: Random, count: number, models: typeof own, at: ReturnType<typeof where>) => T[],
  ): readonly T[] => (isGenerate(option) ? generate(randomOf(option, salt), option.count, own, where(option)) : (option ?? []));
  const invocationJobs = onOwnModels(options.invocationJobs, 0x4d, generateInvocationJobs);
  const evaluationJobs = onOwnModels(options.evaluationJobs, 0x5e, generateEvaluationJobs);

  return { jobs, customModels: models, importJobs, copyJobs, invocationJobs, evaluationJobs };
}
