/**
 * Which operation a request names: the six list operations and the Get
 * of each job kind, at the paths the SDK's schemas give them, and Create
 * and Stop of customization jobs.
 */
import { LISTING_KINDS } from '../bedrock/kinds/index.js';
import { httpBinding, operationBinding } from '../bedrock/listing-kind.js';
import { ApiError } from './api-error.js';

/** Where CreateModelCustomizationJob posts, and under which Stop names a job. */
const JOBS_PATH = '/model-customization-jobs';

/** What a request asks for: the operation, and the item it names, if any. */
export interface Route {
  readonly operation: string;
  /** The path's label, decoded: an ARN, a name or an ID, as the operation takes. */
  readonly jobIdentifier?: string;
}

/** Each list operation by `METHOD /path`, from the SDK's schema of every kind. */
const LIST_ROUTES: ReadonlyMap<string, string> = new Map(
  LISTING_KINDS.map((kind) => {
    const { method, path } = httpBinding(kind);
    return [`${method} ${path}`, kind.operation];
  }),
);

/** Each Get operation, its path (`/model-import-jobs/{jobIdentifier}`) as a pattern whose one group is the label. */
const GET_ROUTES: readonly { readonly method: string; readonly path: RegExp; readonly operation: string }[] =
  LISTING_KINDS.flatMap((kind) => {
    if (!kind.get) return [];
    const { method, path } = operationBinding(kind.get.schemas);
    const pattern = path
      .split(/\{[^}]+\}/)
      .map((part) => part.replace(/[.*+?^$()|[\]\\]/g, '\\$&'))
      .join('([^/]+)');
    return [{ method, path: new RegExp(`^${pattern}$`), operation: kind.get.operation }];
  });

function decodeLabel(label: string): string {
  try {
    return decodeURIComponent(label);
  } catch {
    throw new ApiError('ValidationException', 400, 'The identifier in the path is not valid percent-encoding.');
  }
}

/** The operation that `method` and `path` name, or an `UnknownOperationException` (404). */
export function route(method: string, path: string): Route {
  const list = LIST_ROUTES.get(`${method} ${path}`);
  if (list) return { operation: list };
  if (path === JOBS_PATH && method === 'POST') return { operation: 'CreateModelCustomizationJob' };
  for (const get of GET_ROUTES) {
    const match = get.method === method ? get.path.exec(path) : null;
    if (match) return { operation: get.operation, jobIdentifier: decodeLabel(match[1] as string) };
  }
  const stop = /^\/model-customization-jobs\/([^/]+)\/stop$/.exec(path);
  if (stop && method === 'POST') {
    return { operation: 'StopModelCustomizationJob', jobIdentifier: decodeLabel(stop[1] as string) };
  }
  throw new ApiError('UnknownOperationException', 404, `No operation matches ${method} ${path}.`);
}
