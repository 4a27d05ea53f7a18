import {
  ListModelCustomizationJobsCommand,
  type ListModelCustomizationJobsCommandInput,
  ValidationException,
} from '@aws-sdk/client-bedrock';
import { describe, expect, test } from 'vitest';
import { generateJobs } from '../src/emulator/index.js';
import { clientFor, useEmulator } from './support/emulator-client.js';

const JOBS = generateJobs({ count: 50, seed: 3 });

async function rejection(input: ListModelCustomizationJobsCommandInput) {
  const emulator = await useEmulator({ jobs: JOBS });
  const error = await clientFor(emulator, { maxAttempts: 1 })
    .send(new ListModelCustomizationJobsCommand(input))
    .then(
      () => undefined,
      (caught: unknown) => caught,
    );
  expect(error).toBeInstanceOf(ValidationException);
  expect((error as ValidationException).$metadata.httpStatusCode).toBe(400);
  return (error as ValidationException).message;
}

/** Raw HTTP, for values that the typed SDK input cannot carry. */
async function rawQuery(query: string) {
  const emulator = await useEmulator({ jobs: JOBS });
  const response = await fetch(`${emulator.url}/model-customization-jobs?${query}`);
  return {
    status: response.status,
    errorType: response.headers.get('x-amzn-errortype'),
    body: (await response.json()) as { message: string },
  };
}

describe('validation, as the API does it', () => {
  test.each([
    [{ maxResults: 0 }, /'0' at 'maxResults'.*greater than or equal to 1/],
    [{ maxResults: 1001 }, /'1001' at 'maxResults'.*less than or equal to 1000/],
    [{ maxResults: 5000 }, /'5000' at 'maxResults'/],
    [{ maxResults: 2.5 }, /'2.5' at 'maxResults'.*integer/],
    [{ nameContains: '' }, /at 'nameContains'.*length greater than or equal to 1/],
    [{ nameContains: 'a'.repeat(64) }, /at 'nameContains'.*length less than or equal to 63/],
    [{ nameContains: 'has space' }, /'has space' at 'nameContains'.*pattern/],
    [{ nameContains: '-leading' }, /'-leading' at 'nameContains'.*pattern/],
    [{ nameContains: 'under_score' }, /at 'nameContains'.*pattern/],
    [{ statusEquals: 'Running' as never }, /'Running' at 'statusEquals'.*enum value set: \[.*InProgress/],
    [{ sortBy: 'Name' as never }, /'Name' at 'sortBy'.*\[CreationTime\]/],
    [{ sortOrder: 'Up' as never }, /'Up' at 'sortOrder'.*\[Ascending, Descending\]/],
  ])('%o is a ValidationException naming the field', async (input, message) => {
    expect(await rejection(input)).toMatch(message);
  });

  test('every violation is reported at once', async () => {
    expect(await rejection({ maxResults: 0, sortOrder: 'Up' as never })).toMatch(
      /^2 validation errors detected: .*'sortOrder'.*; .*'maxResults'/,
    );
  });

  test.each([
    'creationTimeAfter=yesterday',
    'creationTimeBefore=2025-02-30T00:00:00Z',
    'creationTimeAfter=1735689600',
    'maxResults=ten',
  ])('%s is a 400 ValidationException naming the field', async (query) => {
    const { status, errorType, body } = await rawQuery(query);
    expect(status).toBe(400);
    expect(errorType).toBe('ValidationException');
    expect(body.message).toContain(`at '${query.split('=')[0]}'`);
  });

  test('nameContains accepts the characters the pattern allows', async () => {
    const emulator = await useEmulator({ jobs: JOBS });
    const page = await clientFor(emulator).send(new ListModelCustomizationJobsCommand({ nameContains: 'a--b+c.d-1' }));
    expect(page.modelCustomizationJobSummaries).toEqual([]);
  });
});

describe('nextToken', () => {
  async function firstToken(input: ListModelCustomizationJobsCommandInput = {}) {
    const emulator = await useEmulator({ jobs: JOBS });
    const client = clientFor(emulator, { maxAttempts: 1 });
    const page = await client.send(new ListModelCustomizationJobsCommand({ maxResults: 5, ...input }));
    return { client, token: page.nextToken as string };
  }

  test('is opaque', async () => {
    const { token } = await firstToken();
    expect(token).not.toMatch(/arn:aws/);
    expect(token).toMatch(/^\S+$/);
  });

  test('a garbled token is a ValidationException', async () => {
    const { client, token } = await firstToken();
    const garbled = `${token.slice(0, 10)}x${token.slice(11)}`;
    await expect(client.send(new ListModelCustomizationJobsCommand({ nextToken: garbled }))).rejects.toThrow(ValidationException);
    await expect(client.send(new ListModelCustomizationJobsCommand({ nextToken: 'not-a-token' }))).rejects.toThrow(
      /Invalid nextToken/,
    );
  });

  test('a token reused with other filters is a ValidationException', async () => {
    const { client, token } = await firstToken({ statusEquals: 'Completed' });
    await expect(
      client.send(new ListModelCustomizationJobsCommand({ nextToken: token, statusEquals: 'Failed' })),
    ).rejects.toThrow(/other filters/);
    await expect(
      client.send(new ListModelCustomizationJobsCommand({ nextToken: token, statusEquals: 'Completed', sortOrder: 'Ascending' })),
    ).rejects.toThrow(ValidationException);
  });

  test('a token works with another page size, as the paging members are not part of the query', async () => {
    const { client, token } = await firstToken();
    const page = await client.send(new ListModelCustomizationJobsCommand({ nextToken: token, maxResults: 7 }));
    expect(page.modelCustomizationJobSummaries).toHaveLength(7);
  });

  test('a token longer than 2048 characters is rejected', async () => {
    const { client } = await firstToken();
    await expect(client.send(new ListModelCustomizationJobsCommand({ nextToken: 'a'.repeat(2049) }))).rejects.toThrow(
      /at 'nextToken'.*less than or equal to 2048/,
    );
  });
});
