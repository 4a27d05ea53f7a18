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
import { type LifecycleOptions, storeClock } from './lifecycle.js';
import type { RequestRecord } from './request-log.js';

/** What one served region starts with: the items of each kind, and its faults. */
export interface ServedRegionOptions extends AccountOptions {
  readonly faults?: Faults | undefined;
}

/** The option of each kind, as `EmulatorOptions` and the `add…` methods name it. */
export type KindOption = 'jobs' | 'customModels' | 'importJobs' | 'copyJobs' | 'invocationJobs' | 'evaluationJobs';

/** The emulator's clock, and how its jobs run: the same for every region it serves. */
export interface RegionTiming {
  readonly stopDelayMs: number;
  readonly now: () => number;
  readonly lifecycle?: LifecycleOptions | undefined;
}

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

  constructor(options: ServedRegionOptions, region: string, accountId: string, timing: RegionTiming) {
    const { stopDelayMs, now, lifecycle } = timing;
    this.context = { region, accountId, now };
    const account = generateAccount({ ...options, region, accountId });
    const clock = storeClock(now, lifecycle);
    this.jobStore = new JobStore(account.jobs, { stopDelayMs, clock });
    this.stores = {
      jobs: this.jobStore,
      customModels: new KindStore<object>(customModels, account.customModels, undefined, clock),
      importJobs: new KindStore<object>(modelImportJobs, account.importJobs, undefined, clock),
      copyJobs: new KindStore<object>(modelCopyJobs, account.copyJobs, undefined, clock),
      invocationJobs: new KindStore<object>(modelInvocationJobs, account.invocationJobs, undefined, clock),
      evaluationJobs: new KindStore<object>(evaluationJobs, account.evaluationJobs, undefined, clock),
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
