/**
 * Where a run lists: the sources that `--regions` and `--profiles` name,
 * one per (profile, region), checked before anything starts. Without them,
 * the one source of `--region` and `--profile` (each may be left to the
 * environment).
 */
import type { Flags } from './flags.js';
import { UsageError } from './usage-error.js';

/** One source: a profile in a region, either left to the environment when not given. */
export interface Source {
  readonly region: string | undefined;
  readonly profile: string | undefined;
  /** How the source is named in tokens and messages: `us-east-1`, `prod`, `prod/us-east-1`. */
  readonly label: string;
}

/**
 * An AWS region's name: a partition prefix, a geography, a number
 * (`us-east-1`, `eu-central-2`, `us-gov-west-1`, `ap-southeast-4`).
 */
const REGION_NAME = /^[a-z]{2,4}(?:-[a-z]+)+-\d{1,2}$/;

/** The items of a comma-separated list flag: none empty, none twice. */
function listOf(flag: 'regions' | 'profiles', text: string, example: string): string[] {
  const items = text.split(',').map((item) => item.trim());
  if (items.includes('')) {
    throw new UsageError(`--${flag} needs names separated by commas, such as ${example}; got '${text}'`);
  }
  const twice = items.find((item, index) => items.indexOf(item) !== index);
  if (twice !== undefined) throw new UsageError(`--${flag} names '${twice}' twice; give each once`);
  return items;
}

/** The regions of `--regions`, each an AWS region's name. */
function regionsOf(text: string): string[] {
  const regions = listOf('regions', text, 'us-east-1,us-west-2');
  const bad = regions.find((region) => !REGION_NAME.test(region));
  if (bad !== undefined) {
    throw new UsageError(`--regions must name AWS regions such as us-east-1 or eu-central-1; got '${bad}'`);
  }
  return regions;
}

/**
 * The sources of a command line: the cross product of `--profiles` (or
 * `--profile`, or the environment's) and `--regions` (or `--region`, or
 * the environment's), profile by profile. Several sources make one merged
 * listing; one is a plain listing, as with `--region` and `--profile`.
 */
export function sourcesOf(flags: Flags): readonly Source[] {
  const regions = flags.regions === undefined ? [flags.region] : regionsOf(flags.regions);
  const profiles = flags.profiles === undefined ? [flags.profile] : listOf('profiles', flags.profiles, 'dev,prod');
  return profiles.flatMap((profile) =>
    regions.map((region) => ({
      region,
      profile,
      label: [profile, region].filter((part) => part !== undefined).join('/') || 'default',
    })),
  );
}
