/**
 * The regions and accounts that one emulator serves, and which of them
 * answers a request: the region named by its SigV4 credential scope, the
 * account chosen by its access key ID. Without the `regions` and
 * `accounts` options it serves one region of one account, to every request.
 */
import { ApiError } from './api-error.js';
import { credentialScope } from './credential-scope.js';
import type { GenerateJobsOptions } from './generate/customization-jobs.js';
import { type KindOption, type RegionTiming, ServedRegion, type ServedRegionOptions } from './served-region.js';

/** The options of each kind, as `EmulatorOptions`, `EmulatorRegionOptions` and the account generator name them. */
export const KIND_OPTIONS: readonly KindOption[] = [
  'jobs',
  'customModels',
  'importJobs',
  'copyJobs',
  'invocationJobs',
  'evaluationJobs',
];

const DEFAULT_REGION = 'us-east-1';
const DEFAULT_ACCOUNT_ID = '123456789012';

/** What the emulator's options say about regions and accounts: a structural view of `EmulatorOptions`. */
export interface RegionsInput extends ServedRegionOptions {
  readonly regions?: Readonly<Record<string, ServedRegionOptions>>;
  readonly accounts?: Readonly<
    Record<string, { readonly accessKeyIds: readonly string[]; readonly regions: Readonly<Record<string, ServedRegionOptions>> }>
  >;
}

/** FNV-1a, 32 bits: a stable hash of a short string. */
function hash(text: string): number {
  let value = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) value = Math.imul(value ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return value;
}

/**
 * The seed a kind of a served region generates from: its own seed mixed
 * with the region and the account, so that two regions (or two accounts)
 * given the same seed still differ, and each is the same on every run.
 */
export function regionSeed(seed: number, region: string, accountId: string): number {
  return (seed ^ hash(`${region}/${accountId}`)) >>> 0;
}

/**
 * The account the standalone emulator gives a region it serves with
 * `--regions`: 12 digits derived from the region's name, so that each
 * region is its own account, the same on every run.
 */
export function regionAccountId(region: string): string {
  // A 32-bit hash times 209 stays under 9e11: always 12 digits, never starting with 0.
  return String(100_000_000_000 + hash(region) * 209);
}

/** A region's options with the emulator-wide defaults filled in and every generated kind's seed made its own. */
function regionOptions(defaults: RegionsInput, own: ServedRegionOptions, region: string, accountId: string): ServedRegionOptions {
  const merged: Record<string, unknown> = { faults: own.faults ?? defaults.faults };
  for (const key of KIND_OPTIONS) {
    const option = own[key] ?? defaults[key];
    merged[key] =
      option === undefined || Array.isArray(option)
        ? option
        : { ...option, seed: regionSeed((option as GenerateJobsOptions).seed ?? 1, region, accountId) };
  }
  return merged as ServedRegionOptions;
}

function list(served: readonly ServedRegion[]): string {
  return served.map((each) => `${each.region} (account ${each.accountId})`).join(', ');
}

/** Every region the emulator serves, and which one answers each request. */
export class ServedRegions {
  /** Every served region, in the order the options give them. */
  readonly all: readonly ServedRegion[];
  /** Whether requests are told apart by their credential scope; if not, the one region answers all. */
  readonly several: boolean;
  /** The account of each access key ID, with `accounts`; empty with `regions`, where any key is taken. */
  readonly #accountOfKey = new Map<string, string>();
  /** Whether the access key chooses the account (`accounts`), or any key is taken (`regions`). */
  readonly #byKey: boolean;

  constructor(options: RegionsInput, timing: RegionTiming) {
    const served: ServedRegion[] = [];
    const defaultAccount = options.accountId ?? DEFAULT_ACCOUNT_ID;
    if (options.accounts) {
      for (const [accountId, account] of Object.entries(options.accounts)) {
        for (const key of account.accessKeyIds) this.#accountOfKey.set(key, accountId);
        for (const [region, own] of Object.entries(account.regions)) {
          served.push(new ServedRegion(regionOptions(options, own, region, accountId), region, accountId, timing));
        }
      }
    } else if (options.regions) {
      for (const [region, own] of Object.entries(options.regions)) {
        const accountId = own.accountId ?? defaultAccount;
        served.push(new ServedRegion(regionOptions(options, own, region, accountId), region, accountId, timing));
      }
    } else {
      served.push(new ServedRegion(options, options.region ?? DEFAULT_REGION, defaultAccount, timing));
    }
    this.all = served;
    this.several = options.accounts !== undefined || options.regions !== undefined;
    this.#byKey = options.accounts !== undefined;
  }

  /**
   * The region that answers a request with this `authorization` header, or
   * the error the service answers with: `UnrecognizedClientException` (403)
   * for an access key of no account, `InvalidSignatureException` (403) for
   * a region that the account is not served in.
   */
  serving(authorization: string | undefined): ServedRegion {
    if (!this.several) return this.all[0] as ServedRegion;
    const scope = credentialScope(authorization);
    let candidates = this.all;
    if (this.#byKey) {
      const accountId = this.#accountOfKey.get(scope.accessKeyId);
      if (accountId === undefined) {
        throw new ApiError('UnrecognizedClientException', 403, 'The security token included in the request is invalid.');
      }
      candidates = candidates.filter((each) => each.accountId === accountId);
    }
    const found = candidates.find((each) => each.region === scope.region);
    if (found) return found;
    throw new ApiError(
      'InvalidSignatureException',
      403,
      `Credential should be scoped to a valid region, not '${scope.region}'. This emulator serves this access key in ${list(candidates)}.`,
    );
  }

  /** The served region `region` (of `accountId`, when several accounts are served in it), for `emulator.region()`. */
  find(region: string, accountId?: string): ServedRegion {
    const inRegion = this.all.filter((each) => each.region === region);
    const matching = accountId === undefined ? inRegion : inRegion.filter((each) => each.accountId === accountId);
    if (matching.length === 1) return matching[0] as ServedRegion;
    const asked = accountId === undefined ? `'${region}'` : `'${region}' of account '${accountId}'`;
    if (matching.length === 0) throw new RangeError(`The emulator does not serve ${asked}; it serves ${list(this.all)}.`);
    throw new TypeError(`The emulator serves '${region}' for several accounts (${list(matching)}); pass the accountId too.`);
  }
}
