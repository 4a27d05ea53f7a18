import { ListModelCustomizationJobsCommand, type ListModelCustomizationJobsCommandOutput } from '@aws-sdk/client-bedrock';
import { describe, expect, test } from 'vitest';
import { type Emulator, type EmulatorOptions, startEmulator } from '../src/emulator/index.js';
import { clientFor, TEST_CREDENTIALS, useEmulator } from './support/emulator-client.js';
import { KINDS, sdkListing } from './support/kinds.js';

const endingAt = new Date('2026-11-01T00:00:00Z');
const EVERY_KIND = {
  jobs: { count: 20, seed: 3, endingAt },
  customModels: { count: 5, seed: 3, endingAt },
  importJobs: { count: 5, seed: 3, endingAt },
  copyJobs: { count: 5, seed: 3, endingAt },
  invocationJobs: { count: 5, seed: 3, endingAt },
  evaluationJobs: { count: 5, seed: 3, endingAt },
};
const WEST_ACCOUNT = '111122223333';
const REGIONS: EmulatorOptions = {
  ...EVERY_KIND,
  regions: { 'us-east-1': {}, 'us-west-2': { accountId: WEST_ACCOUNT } },
};

/** A real SDK client signing for `region`, with `accessKeyId`, and its own retries off. */
function signingClient(emulator: Emulator, region: string, accessKeyId = TEST_CREDENTIALS.accessKeyId) {
  return clientFor(emulator, { region, credentials: { ...TEST_CREDENTIALS, accessKeyId }, maxAttempts: 1 });
}

/** Every ARN that every kind lists, through the SDK, as `region` and `accessKeyId` sign. */
async function arnsOf(emulator: Emulator, region: string, accessKeyId?: string): Promise<string[]> {
  const client = signingClient(emulator, region, accessKeyId);
  const arns: string[] = [];
  for (const { kind } of KINDS) {
    for (const item of await sdkListing(kind, client)) arns.push(item[kind.arnField] as string);
  }
  return arns;
}

/** A listing's error as the SDK reports it: its name and HTTP status. */
async function failure(send: Promise<unknown>): Promise<{ name: string; status: number | undefined; message: string }> {
  const error = (await send.then(
    () => expect.unreachable('the request succeeded'),
    (caught: unknown) => caught,
  )) as { name: string; message: string; $metadata?: { httpStatusCode?: number } };
  return { name: error.name, status: error.$metadata?.httpStatusCode, message: error.message };
}

const listJobs = (emulator: Emulator, region: string, accessKeyId?: string) =>
  signingClient(emulator, region, accessKeyId).send(new ListModelCustomizationJobsCommand({}));

describe('one emulator, several regions', () => {
  test('each region answers with its own items of every kind, whose ARNs name the region and its account', async () => {
    const emulator = await useEmulator(REGIONS);
    const east = await arnsOf(emulator, 'us-east-1');
    const west = await arnsOf(emulator, 'us-west-2');
    expect(east.length).toBeGreaterThan(40);
    expect(west.length).toBeGreaterThan(40);
    // Shared custom models name the other account, so the ARN's account is checked on the account's own items.
    expect(east.every((arn) => arn.startsWith('arn:aws:bedrock:us-east-1:'))).toBe(true);
    expect(west.every((arn) => arn.startsWith('arn:aws:bedrock:us-west-2:'))).toBe(true);
    const jobs = (page: ListModelCustomizationJobsCommandOutput) =>
      page.modelCustomizationJobSummaries?.map((job) => job.jobArn) ?? [];
    expect(jobs(await listJobs(emulator, 'us-east-1')).every((arn) => arn?.includes(':123456789012:'))).toBe(true);
    expect(jobs(await listJobs(emulator, 'us-west-2')).every((arn) => arn?.includes(`:${WEST_ACCOUNT}:`))).toBe(true);
  });

  test('the same seed gives each region different items, and the same ones on every run', async () => {
    const resource = (arn: string) => arn.split(':').slice(5).join(':');
    const first = await useEmulator(REGIONS);
    const again = await useEmulator(REGIONS);
    const east = await arnsOf(first, 'us-east-1');
    expect(await arnsOf(again, 'us-east-1')).toEqual(east);
    expect(await arnsOf(again, 'us-west-2')).toEqual(await arnsOf(first, 'us-west-2'));
    const eastResources = new Set(east.map(resource));
    expect((await arnsOf(first, 'us-west-2')).filter((arn) => eastResources.has(resource(arn)))).toEqual([]);
  });

  test('faults set on one region leave the others alone; setFaults on the emulator sets every region', async () => {
    const emulator = await useEmulator({
      ...REGIONS,
      regions: { 'us-east-1': {}, 'us-west-2': { faults: { deny: { first: 1 } } } },
    });
    expect(await failure(listJobs(emulator, 'us-west-2'))).toMatchObject({ name: 'AccessDeniedException', status: 403 });
    expect((await listJobs(emulator, 'us-east-1')).modelCustomizationJobSummaries).toHaveLength(20);

    emulator.region('us-east-1').setFaults({ serverError: { first: 1 } });
    expect(emulator.region('us-west-2').faults).toEqual({ deny: { first: 1 } });
    expect(await failure(listJobs(emulator, 'us-east-1'))).toMatchObject({ name: 'InternalServerException', status: 500 });
    expect((await listJobs(emulator, 'us-west-2')).modelCustomizationJobSummaries).toHaveLength(20);

    emulator.setFaults({ unavailable: { first: 1 } });
    for (const region of ['us-east-1', 'us-west-2']) {
      expect(await failure(listJobs(emulator, region))).toMatchObject({ name: 'ServiceUnavailableException', status: 503 });
    }
  });

  test('the request log names the region and the account of each request; each region logs its own', async () => {
    const emulator = await useEmulator(REGIONS);
    await listJobs(emulator, 'us-west-2');
    await listJobs(emulator, 'us-east-1');
    expect(emulator.requests.map(({ region, accountId }) => ({ region, accountId }))).toEqual([
      { region: 'us-west-2', accountId: WEST_ACCOUNT },
      { region: 'us-east-1', accountId: '123456789012' },
    ]);
    const west = emulator.region('us-west-2');
    expect(west.requests.map((request) => request.requestId)).toEqual([emulator.requests[0]?.requestId]);
    expect([west.region, west.accountId]).toEqual(['us-west-2', WEST_ACCOUNT]);
  });

  test('a region it does not serve is a 403 InvalidSignatureException, logged without a region', async () => {
    const emulator = await useEmulator(REGIONS);
    const answer = await failure(listJobs(emulator, 'eu-central-1'));
    expect(answer).toMatchObject({ name: 'InvalidSignatureException', status: 403 });
    expect(answer.message).toContain("not 'eu-central-1'");
    expect(answer.message).toContain('us-west-2 (account 111122223333)');
    expect(emulator.requests).toHaveLength(1);
    expect(emulator.requests[0]).toMatchObject({ status: 403 });
    expect(emulator.requests[0]?.region).toBeUndefined();
    expect(() => emulator.region('eu-central-1')).toThrow(RangeError);
  });

  test('items added to one region are listed there only; the emulator itself names no region to add to', async () => {
    const emulator = await useEmulator({ regions: { 'us-east-1': {}, 'us-west-2': {} } });
    const job = {
      jobArn: 'arn:aws:bedrock:us-west-2:123456789012:model-customization-job/amazon.nova-lite-v1:0:300k/abc123def456',
      jobName: 'added',
      baseModelArn: 'arn:aws:bedrock:us-west-2::foundation-model/amazon.nova-lite-v1:0:300k',
      status: 'InProgress' as const,
      creationTime: endingAt,
    };
    emulator.region('us-west-2').addJobs([job]);
    expect((await listJobs(emulator, 'us-west-2')).modelCustomizationJobSummaries?.map((each) => each.jobName)).toEqual([
      'added',
    ]);
    expect((await listJobs(emulator, 'us-east-1')).modelCustomizationJobSummaries).toEqual([]);
    expect(() => emulator.addJobs([job])).toThrow(/emulator\.region\(region, accountId\?\)\.addJobs\(\)/);
  });
});

describe('one emulator, several accounts', () => {
  const ACCOUNTS: EmulatorOptions = {
    jobs: { count: 10, seed: 1, endingAt },
    accounts: {
      '111122223333': { accessKeyIds: ['AKIDPROD'], regions: { 'us-east-1': {} } },
      '444455556666': { accessKeyIds: ['AKIDDEV', 'AKIDDEV2'], regions: { 'us-east-1': {}, 'eu-central-1': {} } },
    },
  };

  test('the access key chooses the account; its ARNs name it', async () => {
    const emulator = await useEmulator(ACCOUNTS);
    const prod = await arnsOf(emulator, 'us-east-1', 'AKIDPROD');
    const dev = await arnsOf(emulator, 'us-east-1', 'AKIDDEV');
    expect(prod.length).toBeGreaterThan(0);
    expect(prod.every((arn) => arn.startsWith('arn:aws:bedrock:us-east-1:111122223333:'))).toBe(true);
    expect(dev.every((arn) => arn.startsWith('arn:aws:bedrock:us-east-1:444455556666:'))).toBe(true);
    expect(await arnsOf(emulator, 'us-east-1', 'AKIDDEV2')).toEqual(dev);
    const frankfurt = await arnsOf(emulator, 'eu-central-1', 'AKIDDEV');
    expect(frankfurt.every((arn) => arn.startsWith('arn:aws:bedrock:eu-central-1:444455556666:'))).toBe(true);
    expect(emulator.requests.at(-1)).toMatchObject({ region: 'eu-central-1', accountId: '444455556666' });
  });

  test('an unknown access key is a 403 UnrecognizedClientException; a region the account is not in, InvalidSignatureException', async () => {
    const emulator = await useEmulator(ACCOUNTS);
    expect(await failure(listJobs(emulator, 'us-east-1', 'AKIDNOBODY'))).toMatchObject({
      name: 'UnrecognizedClientException',
      status: 403,
    });
    expect(await failure(listJobs(emulator, 'eu-central-1', 'AKIDPROD'))).toMatchObject({
      name: 'InvalidSignatureException',
      status: 403,
    });
  });

  test('a region of several accounts is named with its account', async () => {
    const emulator = await useEmulator(ACCOUNTS);
    expect(() => emulator.region('us-east-1')).toThrow(/several accounts/);
    const prod = emulator.region('us-east-1', '111122223333');
    prod.setFaults({ throttle: { first: 1 } });
    expect(await failure(listJobs(emulator, 'us-east-1', 'AKIDPROD'))).toMatchObject({ name: 'ThrottlingException' });
    expect((await listJobs(emulator, 'us-east-1', 'AKIDDEV')).modelCustomizationJobSummaries).toHaveLength(10);
    expect(prod.requests).toHaveLength(1);
    expect(emulator.region('us-east-1', '444455556666').requests).toHaveLength(1);
  });
});

describe('without regions or accounts, as before', () => {
  test('one store answers every region and key, and the log names neither', async () => {
    const emulator = await useEmulator({ jobs: { count: 4, seed: 1, endingAt } });
    const answers = await Promise.all(
      ['us-east-1', 'eu-west-3'].map(
        async (region) => (await listJobs(emulator, region, 'ANYKEY')).modelCustomizationJobSummaries,
      ),
    );
    expect(answers[1]).toEqual(answers[0]);
    expect(answers[0]).toHaveLength(4);
    expect(emulator.requests.every((request) => !('region' in request) && !('accountId' in request))).toBe(true);
    const only = emulator.region('us-east-1');
    expect(only.requests).toBe(emulator.requests);
    expect(only.accountId).toBe('123456789012');
  });
});

describe('the options are checked', () => {
  test.each<[string, unknown, RegExp]>([
    [
      'a region key',
      { regions: { 'US East': {} } },
      /^a key of options\.regions must be a region such as us-east-1.*; got 'US East'$/,
    ],
    ['no region', { regions: {} }, /^options\.regions must be an object keyed by regions/],
    [
      'a region entry key',
      { regions: { 'us-east-1': { job: {} } } },
      /options\.regions\['us-east-1'\] has an unknown key 'job'\. Did you mean 'jobs'\?/,
    ],
    [
      'a region fault',
      { regions: { 'us-east-1': { faults: { throtle: {} } } } },
      /options\.regions\['us-east-1'\]\.faults has an unknown key 'throtle'/,
    ],
    [
      'a region account',
      { regions: { 'us-east-1': { accountId: '12' } } },
      /options\.regions\['us-east-1'\]\.accountId must be an AWS account ID: 12 digits; got '12'/,
    ],
    [
      'a kind naming a region',
      { regions: { 'us-east-1': { jobs: { count: 1, region: 'eu-west-1' } } } },
      /options\.regions\['us-east-1'\]\.jobs\.region must be left out/,
    ],
    [
      'an account key',
      { accounts: { '1': { accessKeyIds: ['A'], regions: { 'us-east-1': {} } } } },
      /^a key of options\.accounts must be an AWS account ID: 12 digits; got '1'$/,
    ],
    [
      'no access key',
      { accounts: { '111122223333': { accessKeyIds: [], regions: { 'us-east-1': {} } } } },
      /accessKeyIds must be an array of one or more access key IDs/,
    ],
    [
      'an access key of two accounts',
      {
        accounts: {
          '111122223333': { accessKeyIds: ['A'], regions: { 'us-east-1': {} } },
          '444455556666': { accessKeyIds: ['A'], regions: { 'us-east-1': {} } },
        },
      },
      /options\.accounts\['444455556666'\]\.accessKeyIds\[0\] must be a key of no other account; options\.accounts\['111122223333'\] has it; got 'A'/,
    ],
    [
      'an account in an account region',
      { accounts: { '111122223333': { accessKeyIds: ['A'], regions: { 'us-east-1': { accountId: '111122223333' } } } } },
      /has an unknown key 'accountId'/,
    ],
    [
      'regions beside accounts',
      { regions: { 'us-east-1': {} }, accounts: { '111122223333': { accessKeyIds: ['A'], regions: { 'us-east-1': {} } } } },
      /^options\.regions must be left out beside options\.accounts/,
    ],
    [
      'region beside regions',
      { region: 'us-east-1', regions: { 'us-east-1': {} } },
      /^options\.region must be left out beside options\.regions/,
    ],
    [
      'items beside regions',
      { jobs: [], regions: { 'us-east-1': {} } },
      /^options\.jobs must be \{ count, seed\? \} beside options\.regions/,
    ],
  ])('%s', async (_, options, message) => {
    await expect(startEmulator(options as EmulatorOptions)).rejects.toThrow(message);
  });
});
