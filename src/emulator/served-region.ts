/**
 * One region of one account, as the emulator serves it: the stores of all
 * six kinds, the faults, and the log of the requests it answered. An
 * emulator without `regions` or `accounts` serves one, to every request.
 */
import { customModels, evaluationJobs, modelCopyJobs, modelImportJobs, modelInvocationJobs } from '../bedrock/kinds/index.js';
import { FaultInjector, type Faults } from './faults.js';
import { type AccountOptions, generateAccount } from './generate/account.js';
import type { AccountContext } from './job-operations.js';
import { JobStore } from './job-store.js';
import { KindStore } from './kind-store.js';
import type { RequestRecord } from './request-log.js';

/** What one served region starts with: the items of each kind, and its faults. */
export interface ServedRegionOptions extends AccountOptions {
  readonly faults?: Faults | undefined;
}

/** The option of each kind, as `EmulatorOptions` and the `add…` methods name it. */
export type KindOption = 'jobs' | 'customModels' | 'importJobs' | 'copyJobs' | 'invocationJobs' | 'evaluationJobs';

export class ServedRegion {
  readonly context: AccountContext;
  readonly jobStore: JobStore;
  /** Each kind's store, by its option name. */
  readonly stores: Readonly<Record<KindOption, KindStore<object>>>;
  /** Each list operation's store, by operation name. */
  readonly listStores: ReadonlyMap<string, KindStore<object>>;
  /** Each Get operation's store, by operation name. */
  readonly getStores: ReadonlyMap<string, KindStore<object>>;
  /** The requests this region answered, bounded as the emulator's own log is. */
  readonly requests: RequestRecord[] = [];
  injector: FaultInjector;

  constructor(options: ServedRegionOptions, region: string, accountId: string, stopDelayMs: number) {
    this.context = { region, accountId, now: Date.now };
    const account = generateAccount({ ...options, region, accountId });
    this.jobStore = new JobStore(account.jobs, { stopDelayMs, now: this.context.now });
    this.stores = {
      jobs: this.jobStore,
      customModels: new KindStore<object>(customModels, account.customModels),
      importJobs: new KindStore<object>(modelImportJobs, account.importJobs),
      copyJobs: new KindStore<object>(modelCopyJobs, account.copyJobs),
      invocationJobs: new KindStore<object>(modelInvocationJobs, account.invocationJobs),
      evaluationJobs: new KindStore<object>(evaluationJobs, account.evaluationJobs),
    };
    this.listStores = new Map(Object.values(this.stores).map((store) => [store.kind.operation, store]));
    this.getStores = new Map(
      Object.values(this.stores).flatMap((store) => (store.kind.get ? [[store.kind.get.operation, store] as const] : [])),
    );
    this.injector = new FaultInjector(options.faults);
  }

  get region(): string {
    return this.context.region;
  }

  get accountId(): string {
    return this.context.accountId;
  }
}
