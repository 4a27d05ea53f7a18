/**
 * Which operation a request names: the six list operations at the paths
 * the SDK's schemas give them, and Create/Get/Stop of customization jobs.
 */
import { LISTING_KINDS } from '../bedrock/kinds/index.js';
import { httpBinding } from '../bedrock/listing-kind.js';
import { ApiError } from './api-error.js';

/** Where CreateModelCustomizationJob posts, and under which Get and Stop name a job. */
const JOBS_PATH = '/model-customization-jobs';

/** What a request asks for: the operation, and the job it names, if any. */
export interface Route {
  readonly operation: string;
  readonly jobIdentifier?: string;
}

/** Each list operation by `METHOD /path`, from the SDK's schema of every kind. */
const LIST_ROUTES: ReadonlyMap<string, string> = new Map(
  LISTING_KINDS.map((kind) => {
    const { method, path } = httpBinding(kind);
    return [`${method} ${path}`, kind.operation];
  }),
);

/** The operation that `method` and `path` name, or an `UnknownOperationException` (404). */
export function route(method: string, path: string): Route {
  const list = LIST_ROUTES.get(`${method} ${path}`);
  if (list) return { operation: list };
  if (path === JOBS_PATH && method === 'POST') return { operation: 'CreateModelCustomizationJob' };
  const match = /^\/model-customization-jobs\/([^/]+)(\/stop)?$/.exec(path);
  if (match) {
    let jobIdentifier: string;
    try {
      jobIdentifier = decodeURIComponent(match[1] as string);
    } catch {
      throw new ApiError('ValidationException', 400, 'The jobIdentifier in the path is not valid percent-encoding.');
    }
    if (method === 'GET' && !match[2]) return { operation: 'GetModelCustomizationJob', jobIdentifier };
    if (method === 'POST' && match[2]) return { operation: 'StopModelCustomizationJob', jobIdentifier };
  }
  throw new ApiError('UnknownOperationException', 404, `No operation matches ${method} ${path}.`);
}
