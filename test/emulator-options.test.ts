import { existsSync } from 'node:fs';
import { ListModelCustomizationJobsCommand } from '@aws-sdk/client-bedrock';
import { describe, expect, test } from 'vitest';
import { type EmulatorOptions, type Faults, generateJobs, startEmulator } from '../src/emulator/index.js';
import { clientFor, useEmulator } from './support/emulator-client.js';

/** Options as a caller without types might pass them. */
const loose = (options: Record<string, unknown>) => options as EmulatorOptions;

describe('startEmulator checks its options before it listens', () => {
  test("port 'abc' is a TypeError naming the option, the value and what is allowed, not a Unix socket named abc", async () => {
    await expect(startEmulator(loose({ port: 'abc' }))).rejects.toThrow(
      new TypeError("options.port must be an integer from 0 to 65535 (0: any free port); got 'abc'"),
    );
    expect(existsSync('abc')).toBe(false);
  });

  test.each<[Record<string, unknown>, string, ErrorConstructor]>([
    [{ port: 65536 }, 'options.port must be an integer from 0 to 65535 (0: any free port); got 65536', RangeError],
    [{ port: 1.5 }, 'options.port must be an integer from 0 to 65535 (0: any free port); got 1.5', RangeError],
    [{ prot: 4010 }, "options has an unknown key 'prot'. Did you mean 'port'?", TypeError],
    [{ jobs: 'many' }, "options.jobs must be { count, seed?, endingAt?, region?, accountId? }; got 'many'", TypeError],
    [{ jobs: [null] }, 'options.jobs[0] must be a job', TypeError],
    [{ jobs: { count: -1 } }, 'options.jobs.count must be a whole number from 0 to 100000; got -1', RangeError],
    [{ jobs: { count: 100_001 } }, 'options.jobs.count must be a whole number from 0 to 100000; got 100001', RangeError],
    [{ jobs: { count: 5, sead: 2 } }, "options.jobs has an unknown key 'sead'. Did you mean 'seed'?", TypeError],
    [{ jobs: { count: 5, seed: '2' } }, "options.jobs.seed must be an integer; got '2'", TypeError],
    [{ jobs: { count: 5, endingAt: '2026-01-01' } }, "options.jobs.endingAt must be a valid Date; got '2026-01-01'", TypeError],
    [
      { jobs: { count: 5, endingAt: new Date(Number.NaN) } },
      'options.jobs.endingAt must be a valid Date; got Invalid Date',
      TypeError,
    ],
    [{ stopDelayMs: -1 }, 'options.stopDelayMs must be a number of ms ≥ 0, or Infinity; got -1', RangeError],
    [
      { region: 'US East' },
      "options.region must be a region such as us-east-1: 1 to 20 of a-z, 0-9 and -; got 'US East'",
      RangeError,
    ],
    [{ accountId: 1234 }, 'options.accountId must be an AWS account ID: 12 digits; got 1234', TypeError],
    [{ tokenStyle: 'cursor' }, "options.tokenStyle must be one of 'keyset', 'offset'; got 'cursor'", RangeError],
    [{ requestLogSize: -1 }, 'options.requestLogSize must be a whole number of requests ≥ 0, or Infinity; got -1', RangeError],
    [{ faults: { throtle: { first: 1 } } }, "options.faults has an unknown key 'throtle'. Did you mean 'throttle'?", TypeError],
    [
      { faults: { throttle: { frist: 1 } } },
      "options.faults.throttle has an unknown key 'frist'. Did you mean 'first'?",
      TypeError,
    ],
    [
      { faults: { drop: { phase: 'middle' } } },
      "options.faults.drop.phase must be one of 'before-response', 'mid-response'",
      RangeError,
    ],
    [
      { faults: { serverError: { probability: 2 } } },
      'options.faults.serverError.probability must be a number from 0 to 1; got 2',
      RangeError,
    ],
    [
      { faults: { hang: { first: -1 } } },
      'options.faults.hang.first must be a whole number ≥ 0, or Infinity; got -1',
      RangeError,
    ],
    [{ faults: { latency: 2 ** 31 } }, 'options.faults.latency must be a number of ms from 0 to 2147483647', RangeError],
    [
      { faults: { latency: { min: 5, max: 1 } } },
      'options.faults.latency.max must be a number of ms from 0 to 2147483647',
      RangeError,
    ],
    [
      { faults: { throttle: { ratePerSecond: 0 } } },
      'options.faults.throttle.ratePerSecond must be a number of requests > 0',
      RangeError,
    ],
    [
      { faults: { throttle: { ratePerSecond: 5, burst: 0.5 } } },
      'options.faults.throttle.burst must be a number of requests ≥ 1',
      RangeError,
    ],
    [
      { faults: { malformed: { kind: 'empty' } } },
      "options.faults.malformed.kind must be one of 'invalid-json', 'missing-summaries'",
      RangeError,
    ],
    [
      { lifecycle: { durationMs: { min: -1, max: 10 } } },
      'options.lifecycle.durationMs.min must be a finite number of ms ≥ 0, or { min, max } with 0 ≤ min ≤ max, both finite; got -1',
      RangeError,
    ],
    [
      { lifecycle: { durationMs: { min: 5, max: Infinity } } },
      'options.lifecycle.durationMs.max must be a finite number of ms ≥ options.lifecycle.durationMs.min (5); got Infinity',
      RangeError,
    ],
    [
      { lifecycle: { durationMs: { min: 5, max: 1 } } },
      'options.lifecycle.durationMs.max must be a finite number of ms ≥ options.lifecycle.durationMs.min (5); got 1',
      RangeError,
    ],
    [
      { lifecycle: { durationMs: { min: '1', max: 2 } } },
      "options.lifecycle.durationMs.min must be a finite number of ms ≥ 0, or { min, max } with 0 ≤ min ≤ max, both finite; got '1'",
      TypeError,
    ],
    [
      { lifecycle: { durationMs: { min: 1 } } },
      'options.lifecycle.durationMs.max must be a finite number of ms ≥ options.lifecycle.durationMs.min (1); got undefined',
      TypeError,
    ],
    [
      { lifecycle: { durationMs: { min: 1, max: 2, mean: 1 } } },
      "options.lifecycle.durationMs has an unknown key 'mean'",
      TypeError,
    ],
    [
      { lifecycle: { durationMs: '1h' } },
      "options.lifecycle.durationMs must be a finite number of ms ≥ 0, or { min, max } with 0 ≤ min ≤ max, both finite; got '1h'",
      TypeError,
    ],
    [
      { lifecycle: { durationMs: Number.NaN } },
      'options.lifecycle.durationMs must be a finite number of ms ≥ 0, or { min, max } with 0 ≤ min ≤ max, both finite; got NaN',
      RangeError,
    ],
  ])('%j: %s', async (options, message, Kind) => {
    const failure = startEmulator(loose(options));
    await expect(failure).rejects.toThrow(Kind);
    await expect(failure).rejects.toThrow(message);
  });

  test('the allowed bounds themselves are accepted', async () => {
    const emulator = await useEmulator({
      jobs: { count: 0, seed: -7, endingAt: new Date(), region: 'us-gov-west-1', accountId: '000000000000' },
      faults: { latency: { min: 0, max: 0 }, throttle: { probability: 1, first: Infinity, ratePerSecond: 0.5, burst: 1 } },
      stopDelayMs: Infinity,
      requestLogSize: 0,
      tokenStyle: 'offset',
      lifecycle: { durationMs: { min: 0, max: 0 }, failureRate: 1 },
    });
    expect(emulator.port).toBeGreaterThan(0);
  });
});

describe('setFaults checks the faults as the option does', () => {
  test('a misspelt fault is a TypeError with a hint, and the faults in force stay as they were', async () => {
    const emulator = await useEmulator({ jobs: generateJobs({ count: 3 }), faults: { serverError: { first: 1 } } });
    expect(() => emulator.setFaults({ serverEror: { first: 1 } } as Faults)).toThrow(
      new TypeError(
        "faults has an unknown key 'serverEror'. Did you mean 'serverError'? Allowed keys: seed, latency, throttle, serverError, unavailable, drop, hang, deny, rejectToken, malformed, repeatToken",
      ),
    );
    expect(() => emulator.setFaults({ deny: { probability: -0.1 } })).toThrow(
      new RangeError('faults.deny.probability must be a number from 0 to 1; got -0.1'),
    );
    expect(emulator.faults).toEqual({ serverError: { first: 1 } });
    await expect(clientFor(emulator, { maxAttempts: 1 }).send(new ListModelCustomizationJobsCommand({}))).rejects.toThrow(
      /internal server error/,
    );
  });
});

describe('generateJobs checks its options', () => {
  test.each<[Record<string, unknown>, string, ErrorConstructor]>([
    [{ count: 1.5 }, 'options.count must be a whole number from 0 to 100000; got 1.5', RangeError],
    [{ count: '10' }, "options.count must be a whole number from 0 to 100000; got '10'", TypeError],
    [{ count: 1, acountId: '123456789012' }, "options has an unknown key 'acountId'. Did you mean 'accountId'?", TypeError],
  ])('%j: %s', (options, message, Kind) => {
    const call = () => generateJobs(options as unknown as Parameters<typeof generateJobs>[0]);
    expect(call).toThrow(Kind);
    expect(call).toThrow(message);
  });
});
