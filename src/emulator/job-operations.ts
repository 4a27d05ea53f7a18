import { randomBytes } from 'node:crypto';
import { CustomizationType } from '@aws-sdk/client-bedrock';
import { ApiError, Violations } from './api-error.js';
import { failureMessageOf } from './get-operation.js';
import type { EmulatorJob, JobStore } from './job-store.js';
import type { KindStore, StoredItem } from './kind-store.js';

/** Names and limits from the CreateModelCustomizationJob API reference. */
const JOB_NAME = /^[a-zA-Z0-9](-*[a-zA-Z0-9+\-.])*$/;
const MODEL_NAME = /^([0-9a-zA-Z][_-]?)+$/;
const ROLE_ARN = /^arn:aws(-[^:]+)?:iam::([0-9]{12})?:role\/.+$/;
const S3_URI = /^s3:\/\/[a-z0-9][-.a-z0-9]{1,61}(?:\/[-!_*'().a-z0-9A-Z]+(?:\/[-!_*'().a-z0-9A-Z]+)*)?\/?$/;
const CUSTOMIZATION_TYPES: readonly string[] = Object.values(CustomizationType);

export interface AccountContext {
  readonly region: string;
  readonly accountId: string;
  readonly now: () => number;
}

type Body = Record<string, unknown>;

function text(violations: Violations, body: Body, field: string, pattern: RegExp, maxLength: number): string {
  const value = body[field];
  if (value === undefined || value === null) {
    violations.add(field, null, 'Member must not be null');
    return '';
  }
  if (typeof value !== 'string' || value.length < 1 || value.length > maxLength || !pattern.test(value)) {
    violations.add(
      field,
      value,
      `Member must satisfy regular expression pattern: ${pattern.source} and have length between 1 and ${maxLength}`,
    );
  }
  return typeof value === 'string' ? value : '';
}

function s3Config(violations: Violations, body: Body, field: string): { s3Uri: string } {
  const config = body[field] as Body | undefined | null;
  if (config === undefined || config === null) {
    violations.add(field, null, 'Member must not be null');
    return { s3Uri: '' };
  }
  const s3Uri = typeof config === 'object' ? config.s3Uri : undefined;
  if (typeof s3Uri !== 'string' || !S3_URI.test(s3Uri)) {
    violations.add(`${field}.s3Uri`, s3Uri, `Member must satisfy regular expression pattern: ${S3_URI.source}`);
  }
  return { s3Uri: String(s3Uri) };
}

/** A fresh resource ID for a created job: 12 lowercase letters and digits, as the service's ARNs end. */
function newResourceId(): string {
  return randomBytes(9)
    .toString('base64url')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '0')
    .slice(0, 12);
}

/**
 * CreateModelCustomizationJob: checks what the API reference requires, then
 * starts the job InProgress. A repeated `clientRequestToken` returns the
 * job it created before, as the API's idempotency promises.
 */
export function createJob(store: JobStore, body: Body, context: AccountContext): { jobArn: string } {
  const violations = new Violations();
  const jobName = text(violations, body, 'jobName', JOB_NAME, 63);
  const customModelName = text(violations, body, 'customModelName', MODEL_NAME, 63);
  const roleArn = text(violations, body, 'roleArn', ROLE_ARN, 2048);
  const baseModelIdentifier = text(violations, body, 'baseModelIdentifier', /^\S+$/, 2048);
  const trainingDataConfig = s3Config(violations, body, 'trainingDataConfig');
  const outputDataConfig = s3Config(violations, body, 'outputDataConfig');
  const { customizationType = 'FINE_TUNING', clientRequestToken } = body;
  if (!CUSTOMIZATION_TYPES.includes(String(customizationType))) {
    violations.add(
      'customizationType',
      customizationType,
      `Member must satisfy enum value set: [${CUSTOMIZATION_TYPES.join(', ')}]`,
    );
  }
  violations.throwIfAny();

  if (typeof clientRequestToken === 'string') {
    const earlier = store.ascending().find(({ item }) => item.clientRequestToken === clientRequestToken);
    if (earlier) return { jobArn: earlier.item.jobArn };
  }
  if (store.findByName(jobName)) {
    throw new ApiError('ValidationException', 400, `A model customization job named ${jobName} already exists.`);
  }

  const baseModel = baseModelIdentifier.startsWith('arn:')
    ? baseModelIdentifier.split('/').slice(1).join('/')
    : baseModelIdentifier;
  const now = new Date(context.now());
  const job: EmulatorJob = {
    jobArn: `arn:aws:bedrock:${context.region}:${context.accountId}:model-customization-job/${baseModel}/${newResourceId()}`,
    baseModelArn: baseModelIdentifier.startsWith('arn:')
      ? baseModelIdentifier
      : `arn:aws:bedrock:${context.region}::foundation-model/${baseModel}`,
    jobName,
    status: 'InProgress',
    creationTime: now,
    lastModifiedTime: now,
    customizationType: customizationType as CustomizationType,
    roleArn,
    outputModelName: customModelName,
    trainingDataConfig,
    outputDataConfig,
    ...(body.validationDataConfig
      ? { validationDataConfig: body.validationDataConfig as EmulatorJob['validationDataConfig'] & object }
      : {}),
    ...(body.hyperParameters ? { hyperParameters: body.hyperParameters as Record<string, string> } : {}),
    ...(typeof clientRequestToken === 'string' ? { clientRequestToken } : {}),
  };
  store.add(job);
  return { jobArn: job.jobArn };
}

/** GetModelCustomizationJob: the job's full description, with why it failed if it did. */
export function getJob(store: JobStore, identifier: string, context: AccountContext): Body {
  const stored = store.find(identifier);
  const { item: job } = stored;
  const { customModelArn, customModelName, clientRequestToken, ...rest } = job;
  const failureMessage = failureMessageOf(store as KindStore<object>, stored as StoredItem<object>);
  return {
    ...rest,
    ...(failureMessage !== undefined ? { failureMessage } : {}),
    outputModelName: job.outputModelName ?? customModelName ?? `${job.jobName}-model`,
    ...(customModelArn ? { outputModelArn: customModelArn } : {}),
    ...(clientRequestToken ? { clientRequestToken } : {}),
    roleArn: job.roleArn ?? `arn:aws:iam::${context.accountId}:role/BedrockCustomization`,
    trainingDataConfig: job.trainingDataConfig ?? { s3Uri: `s3://customization/${job.jobName}/train.jsonl` },
    validationDataConfig: job.validationDataConfig ?? { validators: [] },
    outputDataConfig: job.outputDataConfig ?? { s3Uri: `s3://customization/${job.jobName}/output/` },
  };
}
