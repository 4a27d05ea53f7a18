import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { ApiError } from './api-error.js';
import { checkEmulatorOptions, checkFaults } from './check-options.js';
import type {
  EmulatorCopyJob,
  EmulatorCustomModel,
  EmulatorEvaluationJob,
  EmulatorImportJob,
  EmulatorInvocationJob,
} from './emulator-items.js';
import { FaultInjector, type Faults, faultError } from './faults.js';
import { getItem } from './get-operation.js';
import { createJob, getJob } from './job-operations.js';
import type { EmulatorJob } from './job-store.js';
import type { KindStore } from './kind-store.js';
import type { LifecycleOptions } from './lifecycle.js';
import { listPage, listPageJson, parseListQuery, type TokenStyle } from './list-route.js';
import type { AccountItems, EmulatorAccountOptions, EmulatorRegionOptions } from './region-options.js';
import { appendToLog, DEFAULT_REQUEST_LOG_SIZE, type RequestRecord } from './request-log.js';
import { route } from './routes.js';
import type { ServedRegion } from './served-region.js';
import { ServedRegions } from './served-regions.js';
import { type TimeInput, timeMs } from './time-input.js';

/**
 * Options of {@link startEmulator}. Every one has a default, so that
 * `startEmulator()` alone serves an empty account on a free port. Each is
 * checked before anything listens: a value of the wrong type is a
 * `TypeError`, one out of range a `RangeError`, and an unknown key (here, in
 * `jobs` or in `faults`) a `TypeError` that suggests the nearest one.
 *
 * @example
 * ```ts
 * import { startEmulator } from 'bedrock-customization-jobs/emulator';
 *
 * const emulator = await startEmulator({
 *   port: 4010,
 *   jobs: { count: 2000, seed: 7 },
 *   faults: { throttle: { probability: 0.1 } },
 *   stopDelayMs: 100,
 *   region: 'eu-west-1',
 *   accountId: '111122223333',
 *   tokenStyle: 'keyset',
 *   requestLogSize: 10_000,
 * });
 * await emulator.close();
 * ```
 */
export interface EmulatorOptions extends AccountItems {
  /** The port on 127.0.0.1: an integer from 0 to 65535; default 0, any free one. */
  readonly port?: number;
  /** Faults to inject from the first request on; see {@link Faults}. */
  readonly faults?: Faults;
  /** How long a stopped job stays `Stopping` before it reads `Stopped`: ms ≥ 0, or Infinity; default 1000 ms. */
  readonly stopDelayMs?: number;
  /**
   * The clock that jobs run, end and stop by: `real` (default), or
   * `virtual`, which starts at the real time and moves only with
   * {@link Emulator.advance}, so that a test of hours takes milliseconds.
   */
  readonly clock?: 'real' | 'virtual';
  /**
   * Where a virtual clock starts (a `Date` or an ISO-8601 string); default
   * the real time. A service whose clock is years from the caller's is how
   * a test shows that a watch goes by the service's timestamps alone.
   */
  readonly clockStartAt?: TimeInput;
  /** Given, every running job ends, after its own `durationMs` or one from this; see {@link LifecycleOptions}. */
  readonly lifecycle?: LifecycleOptions;
  /** The region in the ARNs of created jobs (1 to 20 of a-z, 0-9 and -); default `us-east-1`. */
  readonly region?: string;
  /** The account in the ARNs of created jobs: 12 digits; default `123456789012`. */
  readonly accountId?: string;
  /** How tokens mark the next page: `keyset` (default) or `offset`; see {@link TokenStyle}. */
  readonly tokenStyle?: TokenStyle;
  /**
   * How many of the latest requests {@link Emulator.requests} keeps: a whole
   * number ≥ 0, or Infinity; default {@link DEFAULT_REQUEST_LOG_SIZE} (1,000).
   * Older ones are dropped as new ones arrive, so that a long-running
   * emulator's memory stays bounded; 0 keeps none.
   */
  readonly requestLogSize?: number;
  /**
   * Serve several regions, each its own stores, faults and latency, keyed
   * by region name: a request is answered by the region of its SigV4
   * credential scope, whatever its access key; a region not served is a
   * 403 `InvalidSignatureException`. Each region answers as its
   * `accountId`, default the `accountId` option. The kind options and
   * `faults` given beside it, as `{ count, seed? }`, are each region's
   * defaults. Not with `accounts` or `region`.
   */
  readonly regions?: Readonly<Record<string, EmulatorRegionOptions>>;
  /**
   * Serve several accounts, keyed by 12-digit account ID: a request is
   * answered by the account of its access key ID (a key of no account is
   * a 403 `UnrecognizedClientException`), in the region of its credential
   * scope, as `regions` does. Not with `regions`, `region` or `accountId`.
   */
  readonly accounts?: Readonly<Record<string, EmulatorAccountOptions>>;
}

/**
 * A running emulator, as {@link startEmulator} returns it. Close it when
 * done: it holds a port and keeps the process alive.
 *
 * @example
 * ```ts
 * import { generateJobs, startEmulator } from 'bedrock-customization-jobs/emulator';
 *
 * const emulator = await startEmulator();
 * process.env.AWS_ENDPOINT_URL_BEDROCK = emulator.url;
 * emulator.addJobs(generateJobs({ count: 10 }));
 * emulator.setFaults({ serverError: { first: 1 } });
 * console.log(emulator.requests.length, emulator.faults);
 * await emulator.close();
 * ```
 */
export interface Emulator extends ItemAdders {
  /** `http://127.0.0.1:<port>`, for the SDK client's `endpoint` or `AWS_ENDPOINT_URL_BEDROCK`. */
  readonly url: string;
  /** The port it listens on: the one asked for, or the free one it was given. */
  readonly port: number;
  /**
   * The latest requests received, oldest first, from every region: at most
   * `requestLogSize` of them (default 1,000). Clear it with `requests.length = 0`.
   */
  readonly requests: RequestRecord[];
  /** The faults in force; with several regions, the ones last set for every region. */
  readonly faults: Faults;
  /**
   * Replaces the faults, of every region, and restarts their counts and random sequence.
   * They are checked as the `faults` option is: a misspelt key is a `TypeError`.
   */
  setFaults(faults?: Faults): void;
  /**
   * One region that it serves, by name, and by account when several
   * accounts are served in it: its own faults, requests and stores. A
   * region it does not serve is a `RangeError`; a region of several
   * accounts without `accountId`, a `TypeError`. Without the `regions` and
   * `accounts` options it serves one region, the `region` option's.
   */
  region(region: string, accountId?: string): EmulatorRegion;
  /**
   * Moves the virtual clock `ms` (≥ 0) forward: jobs whose time is up
   * end, and stopping jobs whose delay is up stop, as the next request
   * sees. A `TypeError` unless the emulator was started with `clock: 'virtual'`.
   */
  advance(ms: number): void;
  /** Stops listening and closes every connection. */
  close(): Promise<void>;
}

/**
 * Adds items while the emulator runs, as if they had been created
 * elsewhere: to a region ({@link Emulator.region}), or to the emulator's
 * one region. An emulator serving several regions names none by itself:
 * its own `add…` methods are a `TypeError` there.
 */
export interface ItemAdders {
  /** Adds customization jobs. */
  addJobs(jobs: readonly EmulatorJob[]): void;
  /** Adds custom models. */
  addCustomModels(models: readonly EmulatorCustomModel[]): void;
  /** Adds model import jobs. */
  addImportJobs(jobs: readonly EmulatorImportJob[]): void;
  /** Adds model copy jobs. */
  addCopyJobs(jobs: readonly EmulatorCopyJob[]): void;
  /** Adds batch inference jobs. */
  addInvocationJobs(jobs: readonly EmulatorInvocationJob[]): void;
  /** Adds evaluation jobs. */
  addEvaluationJobs(jobs: readonly EmulatorEvaluationJob[]): void;
}

/**
 * One region of one account that the emulator serves, as
 * {@link Emulator.region} returns it: its own faults, its own request log
 * and its own stores.
 *
 * @example
 * ```ts
 * import { startEmulator } from 'bedrock-customization-jobs/emulator';
 *
 * const emulator = await startEmulator({ regions: { 'us-east-1': { jobs: { count: 10 } }, 'us-west-2': {} } });
 * const west = emulator.region('us-west-2');
 * west.setFaults({ serverError: { first: 1 } });
 * console.log(west.region, west.accountId, west.requests.length);
 * await emulator.close();
 * ```
 */
export interface EmulatorRegion extends ItemAdders {
  /** The region, as requests name it in their credential scope. */
  readonly region: string;
  /** The account, whose ID the ARNs of this region's items carry. */
  readonly accountId: string;
  /**
   * The latest requests this region answered (with one region, the
   * emulator's own `requests`), bounded by `requestLogSize`. Clear it with `requests.length = 0`.
   */
  readonly requests: RequestRecord[];
  /** This region's faults. */
  readonly faults: Faults;
  /** Replaces this region's faults, and restarts their counts and random sequence; checked as `setFaults` checks them. */
  setFaults(faults?: Faults): void;
}

function addAll(store: KindStore<object>, items: readonly object[]): void {
  for (const item of items) store.add(item);
}

const MAX_BODY_BYTES = 1 << 20;

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new ApiError('ValidationException', 413, 'The request body is too large.');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function parseJsonBody(text: string): Record<string, unknown> {
  if (text.trim() === '') return {};
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new ApiError('SerializationException', 400, 'The request body is not valid JSON.');
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new ApiError('SerializationException', 400, 'The request body must be a JSON object.');
  }
  return body as Record<string, unknown>;
}

/**
 * Starts a local Bedrock that speaks the real wire format of the six list
 * operations (ListModelCustomizationJobs, ListCustomModels,
 * ListModelImportJobs, ListModelCopyJobs, ListModelInvocationJobs,
 * ListEvaluationJobs), each on its SDK path with its own filters, of the
 * Get of each job kind (GetModelCustomizationJob, GetModelImportJob,
 * GetModelCopyJob, GetModelInvocationJob, GetEvaluationJob), and of
 * CreateModelCustomizationJob and StopModelCustomizationJob, on 127.0.0.1 only.
 *
 * @example
 * ```ts
 * import { BedrockClient, ListModelCustomizationJobsCommand } from '@aws-sdk/client-bedrock';
 * import { startEmulator } from 'bedrock-customization-jobs/emulator';
 *
 * const emulator = await startEmulator({ jobs: { count: 250, seed: 7 } });
 * const client = new BedrockClient({
 *   endpoint: emulator.url,
 *   region: 'us-east-1',
 *   credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
 * });
 * const page = await client.send(new ListModelCustomizationJobsCommand({ maxResults: 10 }));
 * await emulator.close();
 * ```
 */
export async function startEmulator(options: EmulatorOptions = {}): Promise<Emulator> {
  checkEmulatorOptions(options);
  const requestLogSize = options.requestLogSize ?? DEFAULT_REQUEST_LOG_SIZE;
  /** The virtual clock's time, with `clock: 'virtual'`. */
  let virtualNow = options.clockStartAt === undefined ? Date.now() : timeMs(options.clockStartAt, 'options.clockStartAt');
  const virtual = options.clock === 'virtual';
  const served = new ServedRegions(options, {
    stopDelayMs: options.stopDelayMs ?? 1000,
    now: virtual ? () => virtualNow : Date.now,
    lifecycle: options.lifecycle,
  });
  /** The faults last set for every region: the `faults` option, then `setFaults()`. */
  let faults: Faults = options.faults ?? {};
  const requests: RequestRecord[] = [];

  function send(response: ServerResponse, record: RequestRecord, status: number, payload: string, errorType?: string): void {
    if (response.destroyed || response.headersSent) return;
    record.status = status;
    response.writeHead(status, {
      'content-type': 'application/json',
      'content-length': Buffer.byteLength(payload),
      'x-amzn-requestid': record.requestId,
      ...(errorType ? { 'x-amzn-errortype': errorType } : {}),
    });
    response.end(payload);
  }

  function sendError(response: ServerResponse, record: RequestRecord, error: unknown): void {
    const apiError =
      error instanceof ApiError ? error : new ApiError('InternalServerException', 500, 'The emulator failed on this request.');
    send(response, record, apiError.status, JSON.stringify({ message: apiError.message }), apiError.errorType);
  }

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    // Split by hand: new URL() reads a path such as //x as a host, and throws on some.
    const [path = '/', search = ''] = (request.url ?? '/').split(/\?(.*)/s, 2);
    const url = { pathname: path, searchParams: new URLSearchParams(search) };
    const method = request.method ?? 'GET';
    const record: RequestRecord = {
      method,
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      requestId: randomUUID(),
      status: undefined,
    };
    appendToLog(requests, record, requestLogSize);
    response.on('close', () => {
      record.status ??= 0;
    });
    try {
      // The body is read before anything can fail, so that every answer,
      // errors included, finds the connection in a clean state.
      const body = await readBody(request);
      // As the service, it knows who calls, and where, before it reads what is asked.
      const region = served.serving(request.headers.authorization);
      if (served.several) {
        record.region = region.region;
        record.accountId = region.accountId;
        appendToLog(region.requests, record, requestLogSize);
      }
      const { injector, context, jobStore: store } = region;
      const target = route(method, url.pathname);
      (record as { operation?: string }).operation = target.operation;
      const decision = injector.decide(Date.now());
      if (decision.latencyMs > 0) await sleep(decision.latencyMs);
      if (response.destroyed) return;
      if (decision.failure) record.fault = decision.failure;
      if (decision.failure === 'hang') return;
      if (decision.failure === 'drop' && injector.faults.drop?.phase !== 'mid-response') {
        response.socket?.destroy();
        return;
      }
      const { failure } = decision;
      if (failure === 'throttle' || failure === 'serverError' || failure === 'unavailable' || failure === 'deny') {
        throw faultError(failure, target.operation);
      }
      const listStore = region.listStores.get(target.operation);
      if (failure === 'malformed') {
        // In the operation's own shape: its items key and ARN field, cut short; or without its items key.
        const kind = (listStore ?? region.getStores.get(target.operation) ?? store).kind;
        const body =
          injector.faults.malformed?.kind === 'missing-summaries'
            ? '{}'
            : `{${JSON.stringify(kind.itemsKey)}:[{${JSON.stringify(kind.arnField)}:`;
        record.status = 200;
        response.writeHead(200, { 'content-type': 'application/json', 'x-amzn-requestid': record.requestId });
        response.end(body);
        return;
      }

      let status = 200;
      let payload: string;
      switch (listStore ? 'list' : target.operation) {
        case 'list': {
          const kindStore = listStore as KindStore<object>;
          const query = parseListQuery(kindStore.kind, url.searchParams);
          if (decision.rejectToken && query.nextToken !== undefined) {
            throw new ApiError('ValidationException', 400, 'The provided nextToken has expired. Start the listing again.');
          }
          const page = listPage(kindStore, query, context.accountId, options.tokenStyle);
          if (decision.repeatToken && query.nextToken !== undefined) page.nextToken = query.nextToken;
          payload = listPageJson(kindStore, page);
          break;
        }
        case 'CreateModelCustomizationJob':
          status = 201;
          payload = JSON.stringify(createJob(store, parseJsonBody(body), context));
          break;
        case 'GetModelCustomizationJob':
          payload = JSON.stringify(getJob(store, target.jobIdentifier as string, context));
          break;
        case 'GetModelImportJob':
        case 'GetModelCopyJob':
        case 'GetModelInvocationJob':
        case 'GetEvaluationJob':
          payload = JSON.stringify(
            getItem(region.getStores.get(target.operation) as KindStore<object>, target.jobIdentifier as string, context),
          );
          break;
        default:
          store.stop(target.jobIdentifier as string);
          payload = '{}';
      }

      if (decision.failure === 'drop') {
        // Headers and half the body, then the connection goes: the client sees a truncated response.
        record.status = status;
        response.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) });
        response.write(payload.slice(0, payload.length >> 1), () => response.socket?.destroy());
        return;
      }
      send(response, record, status, payload);
    } catch (error) {
      sendError(response, record, error);
    }
  }

  const server = createServer((request, response) => {
    request.on('error', () => {});
    handle(request, response).catch(() => response.socket?.destroy());
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;

  /** The one region that `addJobs` and the like add to: an emulator serving several names it with `region()`. */
  const only = (): ServedRegion => {
    if (served.all.length === 1) return served.all[0] as ServedRegion;
    throw new TypeError(
      `The emulator serves ${served.all.length} regions and accounts; add items to one with emulator.region(region, accountId?).addJobs() and the like.`,
    );
  };
  /** The add… methods of `target()`'s stores, as the emulator and each region handle offer them. */
  const adders = (target: () => ServedRegion): ItemAdders => ({
    addJobs: (jobs) => addAll(target().stores.jobs, jobs),
    addCustomModels: (models) => addAll(target().stores.customModels, models),
    addImportJobs: (jobs) => addAll(target().stores.importJobs, jobs),
    addCopyJobs: (jobs) => addAll(target().stores.copyJobs, jobs),
    addInvocationJobs: (jobs) => addAll(target().stores.invocationJobs, jobs),
    addEvaluationJobs: (jobs) => addAll(target().stores.evaluationJobs, jobs),
  });

  return {
    url: `http://127.0.0.1:${port}`,
    port,
    requests,
    get faults() {
      return served.several ? faults : (served.all[0] as ServedRegion).injector.faults;
    },
    setFaults(next = {}) {
      checkFaults(next, 'faults');
      faults = next;
      for (const region of served.all) region.injector = new FaultInjector(next);
    },
    ...adders(only),
    region(name, accountId) {
      const region = served.find(name, accountId);
      return {
        region: region.region,
        accountId: region.accountId,
        // With one region, its requests are the emulator's.
        requests: served.several ? region.requests : requests,
        get faults() {
          return region.injector.faults;
        },
        setFaults(next = {}) {
          checkFaults(next, 'faults');
          region.injector = new FaultInjector(next);
        },
        ...adders(() => region),
      };
    },
    advance(ms) {
      if (!virtual) throw new TypeError("emulator.advance(ms) moves a virtual clock: start the emulator with clock: 'virtual'");
      if (typeof ms !== 'number' || !(ms >= 0) || ms === Number.POSITIVE_INFINITY) {
        throw new RangeError(`emulator.advance(ms): ms must be a finite number ≥ 0, got ${String(ms)}`);
      }
      virtualNow += ms;
    },
    close() {
      return new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      });
    },
  };
}
