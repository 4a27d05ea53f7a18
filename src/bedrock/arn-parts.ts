import { inputError } from '../validation/input-errors.js';

/** The parts of an ARN, as {@link arnParts} splits it. */
export interface ArnParts {
  /** `aws`, `aws-cn`, `aws-us-gov` … */
  readonly partition: string;
  /** `bedrock`, `s3` … */
  readonly service: string;
  /** Empty for global resources, such as S3 buckets. */
  readonly region: string;
  /** 12 digits; empty for resources without an account, such as S3 buckets and foundation models. */
  readonly accountId: string;
  /** What comes before the first `/` (or `:`) of the resource: `model-customization-job`, `custom-model` … */
  readonly resourceType: string;
  /** The rest of the resource, after that separator; the whole resource when it has none. */
  readonly resourceId: string;
}

/** `arn:partition:service:region:account:resource`, the resource non-empty. */
const ARN = /^arn:([a-z][a-z0-9-]*):([a-z0-9-]+):([a-z0-9-]*):(\d{12}|):(.+)$/s;

const ARN_RULE = 'an ARN: arn:partition:service:region:account-id:resource';

/**
 * Splits an ARN, such as a summary's `jobArn`, so that the items of a
 * listing over several regions or accounts can be told apart or grouped.
 *
 * @param arn - `arn:partition:service:region:account-id:resource`.
 * @returns Its parts; `resourceType` and `resourceId` split the resource at its first `/` or `:`.
 * @throws TypeError for a value that is not a string, RangeError for a string that is not an ARN.
 *
 * @example
 * ```ts
 * import { arnParts, paginateCustomizationJobs } from 'bedrock-customization-jobs';
 *
 * const perAccount = new Map<string, number>();
 * for await (const job of paginateCustomizationJobs({}, { regions: ['us-east-1', 'us-west-2'] })) {
 *   const { accountId } = arnParts(job.jobArn ?? '');
 *   perAccount.set(accountId, (perAccount.get(accountId) ?? 0) + 1);
 * }
 * ```
 */
export function arnParts(arn: string): ArnParts {
  if (typeof arn !== 'string') throw inputError(TypeError, 'arnParts(arn): arn', arn, ARN_RULE);
  const match = ARN.exec(arn);
  if (!match) throw inputError(RangeError, 'arnParts(arn): arn', arn, ARN_RULE);
  const [, partition, service, region, accountId, resource] = match as unknown as [
    string,
    string,
    string,
    string,
    string,
    string,
  ];
  const cut = resource.search(/[/:]/);
  return {
    partition,
    service,
    region,
    accountId,
    resourceType: cut < 0 ? '' : resource.slice(0, cut),
    resourceId: cut < 0 ? resource : resource.slice(cut + 1),
  };
}
