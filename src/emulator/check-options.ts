/**
 * Checks of what a caller hands the emulator (`startEmulator`'s options,
 * `setFaults`, `generateJobs`), before anything listens or is generated: a
 * port of `'abc'` would otherwise become a Unix socket named `abc`, and a
 * misspelt fault would silently inject nothing.
 */

import { assertOptionalObject, inputError, rejectUnknownKeys } from '../validation/input-errors.js';
import { timeMs } from './time-input.js';

/** The most jobs `generateJobs` makes: about 200 MB and 2 s; ten times that takes 2 GB. */
export const MAX_GENERATED_JOBS = 100_000;

/** Node clamps a longer timer to 1 ms, so a longer latency would answer at once. */
const MAX_TIMER_MS = 2 ** 31 - 1;

/** The options that seed a kind's items, each with the fields an item of it must have. */
const ITEM_OPTIONS: Record<string, string> = {
  jobs: 'a job: an object with jobArn, jobName, baseModelArn, status and creationTime',
  customModels: 'a custom model: an object with modelArn, modelName, creationTime, baseModelArn and baseModelName',
  importJobs: 'a model import job: an object with jobArn, jobName, status and creationTime',
  copyJobs: 'a model copy job: an object with jobArn, status, creationTime, targetModelArn, sourceAccountId and sourceModelArn',
  invocationJobs: 'a batch inference job: an object with jobArn, jobName, modelId, roleArn, submitTime and the data configs',
  evaluationJobs: 'an evaluation job: an object with jobArn, jobName, status, creationTime, jobType and evaluationTaskTypes',
};
const EMULATOR_OPTION_KEYS = [
  'port',
  ...Object.keys(ITEM_OPTIONS),
  'faults',
  'stopDelayMs',
  'clock',
  'clockStartAt',
  'lifecycle',
  'region',
  'accountId',
  'tokenStyle',
  'requestLogSize',
  'regions',
  'accounts',
];
/** The keys of a served region: its kinds and faults, and, in a top-level `regions` entry, its account. */
const REGION_KEYS = [...Object.keys(ITEM_OPTIONS), 'faults'];
const ACCOUNT_KEYS = ['accessKeyIds', 'regions'];
const GENERATE_KEYS = ['count', 'seed', 'endingAt', 'region', 'accountId'];
const RULE_KEYS = ['first', 'probability', 'after'];
/** Every fault, with the keys its rule takes beyond `first`, `probability` and `after`. */
const FAULT_EXTRA_KEYS: Record<string, readonly string[]> = {
  throttle: ['ratePerSecond', 'burst'],
  serverError: [],
  unavailable: [],
  drop: ['phase'],
  hang: [],
  deny: [],
  rejectToken: [],
  malformed: ['kind'],
  repeatToken: [],
};
const FAULT_KEYS = ['seed', 'latency', ...Object.keys(FAULT_EXTRA_KEYS)];

// The shapes that the API's ARNs give a region and an account.
const REGION = /^[a-z0-9-]{1,20}$/;
const ACCOUNT_ID = /^[0-9]{12}$/;
const REGION_ALLOWED = 'a region such as us-east-1: 1 to 20 of a-z, 0-9 and -';
const ACCOUNT_ALLOWED = 'an AWS account ID: 12 digits';
/** An access key ID as a SigV4 credential scope can carry it: no `/`, `,` or white space. */
const ACCESS_KEY_ID = /^[^/,\s]{1,128}$/;

function assertObject(value: unknown, field: string, allowed: string): asserts value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw inputError(TypeError, field, value, allowed);
}

/** A number passing `inRange`: a TypeError for another type, a RangeError out of range. */
function checkNumber(value: unknown, field: string, allowed: string, inRange: (n: number) => boolean): void {
  if (typeof value !== 'number') throw inputError(TypeError, field, value, allowed);
  if (!inRange(value)) throw inputError(RangeError, field, value, allowed);
}

function checkWholeNumber(value: unknown, field: string, max: number, allowed = `a whole number from 0 to ${max}`): void {
  checkNumber(value, field, allowed, (n) => Number.isInteger(n) && n >= 0 && n <= max);
}

function checkWholeOrInfinity(value: unknown, field: string, allowed: string): void {
  if (value !== undefined) checkNumber(value, field, allowed, (n) => n === Infinity || (Number.isInteger(n) && n >= 0));
}

function checkSeed(value: unknown, field: string): void {
  if (value !== undefined) checkNumber(value, field, 'an integer', Number.isSafeInteger);
}

function checkChoice(value: unknown, field: string, choices: readonly string[]): void {
  if (value === undefined || choices.includes(value as string)) return;
  const allowed = `one of ${choices.map((choice) => `'${choice}'`).join(', ')}`;
  throw inputError(typeof value === 'string' ? RangeError : TypeError, field, value, allowed);
}

function checkPattern(value: unknown, field: string, pattern: RegExp, allowed: string): void {
  if (value === undefined) return;
  if (typeof value !== 'string') throw inputError(TypeError, field, value, allowed);
  if (!pattern.test(value)) throw inputError(RangeError, field, value, allowed);
}

function checkRegionAndAccount(options: Record<string, unknown>, where: string): void {
  checkPattern(options.region, `${where}.region`, REGION, REGION_ALLOWED);
  checkPattern(options.accountId, `${where}.accountId`, ACCOUNT_ID, ACCOUNT_ALLOWED);
}

/** The options of `generateJobs`, or the `jobs` option given as a count; `where` names them in messages. */
export function checkGenerateJobsOptions(options: unknown, where: string): void {
  assertObject(options, where, '{ count, seed?, endingAt?, region?, accountId? }');
  rejectUnknownKeys(options, GENERATE_KEYS, where);
  checkWholeNumber(options.count, `${where}.count`, MAX_GENERATED_JOBS);
  checkSeed(options.seed, `${where}.seed`);
  const { endingAt } = options;
  if (endingAt !== undefined && !(endingAt instanceof Date && !Number.isNaN(endingAt.getTime()))) {
    throw inputError(TypeError, `${where}.endingAt`, endingAt, 'a valid Date');
  }
  checkRegionAndAccount(options, where);
}

function checkLatency(latency: unknown, field: string): void {
  if (latency === undefined) return;
  const allowed = `a number of ms from 0 to ${MAX_TIMER_MS}, or { min, max } with 0 ≤ min ≤ max ≤ ${MAX_TIMER_MS}`;
  const inRange = (ms: number) => ms >= 0 && ms <= MAX_TIMER_MS;
  if (typeof latency === 'number') {
    checkNumber(latency, field, allowed, inRange);
    return;
  }
  assertObject(latency, field, allowed);
  rejectUnknownKeys(latency, ['min', 'max'], field);
  checkNumber(latency.min, `${field}.min`, allowed, inRange);
  checkNumber(latency.max, `${field}.max`, allowed, (max) => inRange(max) && max >= (latency.min as number));
}

function checkRule(name: string, rule: unknown, field: string): void {
  if (rule === undefined) return;
  const extras = FAULT_EXTRA_KEYS[name] ?? [];
  assertObject(rule, field, `a rule { ${[...RULE_KEYS, ...extras].map((key) => `${key}?`).join(', ')} }`);
  rejectUnknownKeys(rule, [...RULE_KEYS, ...extras], field);
  for (const key of ['first', 'after']) checkWholeOrInfinity(rule[key], `${field}.${key}`, 'a whole number ≥ 0, or Infinity');
  if (rule.probability !== undefined) {
    checkNumber(rule.probability, `${field}.probability`, 'a number from 0 to 1', (p) => p >= 0 && p <= 1);
  }
  if (rule.ratePerSecond !== undefined) {
    checkNumber(rule.ratePerSecond, `${field}.ratePerSecond`, 'a number of requests > 0', (n) => n > 0 && n < Infinity);
  }
  if (rule.burst !== undefined) {
    checkNumber(rule.burst, `${field}.burst`, 'a number of requests ≥ 1', (n) => n >= 1 && n < Infinity);
  }
  checkChoice(rule.phase, `${field}.phase`, ['before-response', 'mid-response']);
  checkChoice(rule.kind, `${field}.kind`, ['invalid-json', 'missing-summaries']);
}

/** The faults of `startEmulator` or `setFaults`; `where` names them in messages. */
export function checkFaults(faults: unknown, where: string): void {
  if (faults === undefined) return;
  assertObject(faults, where, 'an object of faults or undefined');
  rejectUnknownKeys(faults, FAULT_KEYS, where);
  checkSeed(faults.seed, `${where}.seed`);
  checkLatency(faults.latency, `${where}.latency`);
  for (const name of Object.keys(FAULT_EXTRA_KEYS)) checkRule(name, faults[name], `${where}.${name}`);
}

/** The kinds' items of `values`: arrays of objects, or generate options; `where` names them in messages. */
function checkKinds(values: Record<string, unknown>, where: string): void {
  for (const [key, item] of Object.entries(ITEM_OPTIONS)) {
    const items = values[key];
    if (Array.isArray(items)) {
      for (const [index, each] of items.entries()) assertObject(each, `${where}.${key}[${index}]`, item);
    } else if (items !== undefined) checkGenerateJobsOptions(items, `${where}.${key}`);
  }
}

/** A non-empty object whose keys match `pattern`, each value checked by `checkValue`. */
function checkKeyed(
  value: unknown,
  where: string,
  pattern: RegExp,
  keyAllowed: string,
  keysAre: string,
  checkValue: (entry: Record<string, unknown>, field: string) => void,
): void {
  const allowed = `an object keyed by ${keysAre}, with at least one key`;
  assertObject(value, where, allowed);
  const keys = Object.keys(value);
  if (keys.length === 0) throw inputError(RangeError, where, value, allowed);
  for (const key of keys) {
    if (!pattern.test(key)) throw inputError(RangeError, `a key of ${where}`, key, keyAllowed);
    const field = `${where}['${key}']`;
    assertObject(value[key], field, 'an object');
    checkValue(value[key] as Record<string, unknown>, field);
  }
}

/** The served regions of `regions` or of an account's `regions`; `accountId` is allowed at the top level only. */
function checkRegions(regions: unknown, where: string, withAccountId: boolean): void {
  checkKeyed(regions, where, REGION, REGION_ALLOWED, 'regions (such as us-east-1)', (region, field) => {
    rejectUnknownKeys(region, withAccountId ? [...REGION_KEYS, 'accountId'] : REGION_KEYS, field);
    checkPattern(region.accountId, `${field}.accountId`, ACCOUNT_ID, ACCOUNT_ALLOWED);
    checkKinds(region, field);
    // The region and the account are the entry's: a kind naming others would make ARNs of elsewhere.
    for (const key of Object.keys(ITEM_OPTIONS)) {
      const option = region[key] as Record<string, unknown> | undefined;
      for (const name of ['region', 'accountId']) {
        if (option && !Array.isArray(option) && option[name] !== undefined) {
          throw inputError(TypeError, `${field}.${key}.${name}`, option[name], `left out: the region entry sets it`);
        }
      }
    }
    checkFaults(region.faults, `${field}.faults`);
  });
}

function checkAccounts(accounts: unknown): void {
  const owner = new Map<string, string>();
  checkKeyed(accounts, 'options.accounts', ACCOUNT_ID, ACCOUNT_ALLOWED, '12-digit account IDs', (account, field) => {
    rejectUnknownKeys(account, ACCOUNT_KEYS, field);
    const keys = account.accessKeyIds;
    const allowed = 'an array of one or more access key IDs (1 to 128 characters, no /, comma or white space)';
    if (!Array.isArray(keys)) throw inputError(TypeError, `${field}.accessKeyIds`, keys, allowed);
    if (keys.length === 0) throw inputError(RangeError, `${field}.accessKeyIds`, keys, allowed);
    for (const [index, key] of keys.entries()) {
      checkPattern(
        key,
        `${field}.accessKeyIds[${index}]`,
        ACCESS_KEY_ID,
        'an access key ID: 1 to 128 characters, no /, comma or white space',
      );
      const other = owner.get(key);
      if (other !== undefined && other !== field) {
        throw inputError(RangeError, `${field}.accessKeyIds[${index}]`, key, `a key of no other account; ${other} has it`);
      }
      owner.set(key, field);
    }
    checkRegions(account.regions, `${field}.regions`, false);
  });
}

/**
 * Beside `regions` or `accounts`, the emulator-wide options that would
 * contradict them are errors, not silently ignored: items given as arrays
 * (whose ARNs name one region), and `region` (and, with `accounts`, `accountId`).
 */
function checkServedWith(values: Record<string, unknown>): void {
  const served = values.accounts !== undefined ? 'accounts' : values.regions !== undefined ? 'regions' : undefined;
  if (served === undefined) return;
  const conflicting = ['region', ...(served === 'accounts' ? ['regions', 'accountId'] : [])];
  for (const key of conflicting) {
    if (values[key] !== undefined) {
      throw inputError(
        TypeError,
        `options.${key}`,
        values[key],
        `left out beside options.${served}, whose entries name their regions and accounts`,
      );
    }
  }
  for (const key of Object.keys(ITEM_OPTIONS)) {
    if (Array.isArray(values[key])) {
      throw inputError(
        TypeError,
        `options.${key}`,
        values[key],
        `{ count, seed? } beside options.${served} (each region's default); give items to a region in its own entry`,
      );
    }
  }
}

/** A lifecycle's `durationMs`: a finite number of ms ≥ 0, or `{ min, max }` of them with min ≤ max. */
function checkDuration(duration: unknown, field: string): void {
  if (duration === undefined) return;
  const allowed = 'a finite number of ms ≥ 0, or { min, max } with 0 ≤ min ≤ max, both finite';
  const inRange = (ms: number) => ms >= 0 && Number.isFinite(ms);
  if (typeof duration === 'number') {
    checkNumber(duration, field, allowed, inRange);
    return;
  }
  assertObject(duration, field, allowed);
  rejectUnknownKeys(duration, ['min', 'max'], field);
  checkNumber(duration.min, `${field}.min`, allowed, inRange);
  const min = duration.min as number;
  checkNumber(duration.max, `${field}.max`, `a finite number of ms ≥ ${field}.min (${min})`, (max) => inRange(max) && max >= min);
}

/** The `lifecycle` option: `durationMs` as {@link checkDuration}, `failureRate` from 0 to 1, `seed` a whole number. */
function checkLifecycle(lifecycle: unknown): void {
  assertOptionalObject(lifecycle, 'options.lifecycle');
  if (lifecycle === undefined) return;
  const values = lifecycle as Record<string, unknown>;
  rejectUnknownKeys(values, ['durationMs', 'failureRate', 'seed'], 'options.lifecycle');
  checkDuration(values.durationMs, 'options.lifecycle.durationMs');
  if (values.failureRate !== undefined) {
    checkNumber(values.failureRate, 'options.lifecycle.failureRate', 'a number from 0 to 1', (rate) => rate >= 0 && rate <= 1);
  }
  if (values.seed !== undefined) {
    checkNumber(values.seed, 'options.lifecycle.seed', 'a whole number', (seed) => Number.isInteger(seed));
  }
}

/** Every option of `startEmulator`, named `options.<key>` in messages. */
export function checkEmulatorOptions(options: unknown): void {
  assertOptionalObject(options, 'options');
  if (options === undefined) return;
  const values = options as Record<string, unknown>;
  rejectUnknownKeys(values, EMULATOR_OPTION_KEYS, 'options');
  if (values.port !== undefined)
    checkWholeNumber(values.port, 'options.port', 65535, 'an integer from 0 to 65535 (0: any free port)');
  checkKinds(values, 'options');
  checkFaults(values.faults, 'options.faults');
  if (values.stopDelayMs !== undefined) {
    checkNumber(values.stopDelayMs, 'options.stopDelayMs', 'a number of ms ≥ 0, or Infinity', (ms) => ms >= 0);
  }
  checkChoice(values.clock, 'options.clock', ['real', 'virtual']);
  if (values.clockStartAt !== undefined) {
    if (values.clock !== 'virtual') {
      throw new TypeError("options.clockStartAt sets where a virtual clock starts: give it with clock: 'virtual'");
    }
    timeMs(values.clockStartAt, 'options.clockStartAt');
  }
  checkLifecycle(values.lifecycle);
  checkRegionAndAccount(values, 'options');
  checkChoice(values.tokenStyle, 'options.tokenStyle', ['keyset', 'offset']);
  checkWholeOrInfinity(values.requestLogSize, 'options.requestLogSize', 'a whole number of requests ≥ 0, or Infinity');
  if (values.regions !== undefined) checkRegions(values.regions, 'options.regions', true);
  if (values.accounts !== undefined) checkAccounts(values.accounts);
  checkServedWith(values);
}
