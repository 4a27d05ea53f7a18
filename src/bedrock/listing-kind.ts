/**
 * A listing kind is data: one declaration holds all that is specific to one
 * Bedrock list operation. The paginator, the CLI's flags and the emulator's
 * routes, query checks and filtering are all made from it; adding a kind is
 * a declaration (and its emulator data), nothing copied.
 */

/** How the emulator tests an item against a filter value: which summary field, and how. */
export interface ItemMatch {
  /** The summary's field the value is compared with. */
  readonly field: string;
  /** `equals`; `contains` (a substring); `owned`: true keeps the items the calling account owns. */
  readonly how: 'equals' | 'contains' | 'owned';
}

/** One request field, with the constraints the API reference documents for it. */
export type FilterRule = { readonly description: string } & (
  | { readonly type: 'enum'; readonly values: readonly string[]; readonly match?: ItemMatch }
  | {
      readonly type: 'text';
      readonly minLength: number;
      readonly maxLength: number;
      readonly pattern: RegExp;
      readonly match: ItemMatch;
    }
  | { readonly type: 'time'; readonly bound: 'after' | 'before' }
  | { readonly type: 'boolean'; readonly match: ItemMatch }
);

/**
 * A kind's filter: the operation's own request fields, minus paging, with
 * the SDK's types; every time field takes a `Date` or an ISO-8601 string.
 */
export type FilterOf<Request> = {
  // The paging members are the library's own: never a filter.
  [K in keyof Request as K extends 'maxResults' | 'nextToken' ? never : K]?: NonNullable<Request[K]> extends Date
    ? Date | string | undefined
    : Request[K];
};

/** The SDK's schema of a member: `[type, traits]`, `httpQuery` naming its query parameter. */
type MemberSchema = readonly [unknown, { readonly httpQuery?: string }] | unknown;

/**
 * The SDK's own schemas of the operation, as `@aws-sdk/client-bedrock`
 * exports them (`ListModelCopyJobs$`, `ListModelCopyJobsRequest$`): the
 * HTTP method and path, and each member's query name, are read from them
 * and never written by hand.
 */
export interface OperationSchemas {
  /** `[9, namespace, name, { http: [method, path, status] }, …]` */
  readonly operation: readonly unknown[];
  /** `[3, namespace, name, traits, memberNames, memberSchemas]` */
  readonly request: readonly unknown[];
}

/**
 * The statuses of a kind whose items are jobs that run and end, split by
 * what they mean to someone waiting: still running, ended well, ended
 * otherwise. Together they are exactly the SDK's status enum of the kind.
 */
export interface JobLifecycle {
  /** Statuses of a job that has not ended yet (`InProgress`, `Stopping`, …). */
  readonly running: readonly string[];
  /** Statuses of a job that ended with its output written (`Completed`, …). */
  readonly succeeded: readonly string[];
  /** Statuses of a job that ended without finishing its work (`Failed`, `Stopped`, …). */
  readonly failed: readonly string[];
}

/**
 * The Get operation of a kind's items (`GetModelImportJob`): its SDK
 * schemas give its path and the label that names the item, its output's
 * members and which of them are required.
 */
export interface GetOperation {
  /** The operation, as messages name it: `'GetModelImportJob'`. */
  readonly operation: string;
  /** The SDK's command class. */
  readonly command: new (
    input: never,
  ) => object;
  /** The SDK's schemas of the operation and its request. */
  readonly schemas: OperationSchemas;
  /**
   * What the identifier may be besides the ARN: the summary's `jobName`
   * (`name`), or the 12-character ID that ends the ARN (`resourceId`).
   */
  readonly alsoBy?: 'name' | 'resourceId';
  /**
   * The output member that says why a job failed: `failureMessage`, or
   * `message` (batch inference), or the list `failureMessages` (evaluation).
   */
  readonly failureField: 'failureMessage' | 'message' | 'failureMessages';
}

/** What a kind declares. `Request` and `Summary` are the SDK's types. */
export interface ListingKind<Request extends object, Summary extends object> {
  /** The operation, as messages name it: `'ListModelCustomizationJobs'`. */
  readonly operation: string;
  /** The name the CLI takes (`bedrock-jobs list import`) and docs use. */
  readonly name: string;
  /** One item, in words: `'model import job'`. */
  readonly noun: string;
  /** The SDK's command class; its instances go to the client's `send`. */
  readonly command: new (
    input: Request,
  ) => object;
  /** The SDK's schemas of the operation and its request. */
  readonly schemas: OperationSchemas;
  /** The response member that holds the page's summaries. */
  readonly itemsKey: string;
  /** The summary field that names an item uniquely: its ARN. */
  readonly arnField: keyof Summary & string;
  /** The summary field the API orders by (`sortBy: CreationTime`). */
  readonly timeField: keyof Summary & string;
  /** Every filter field of the request, with its constraints. */
  readonly filters: { readonly [K in keyof FilterOf<Request>]-?: FilterRule };
  /** The summary fields a table shows, most telling first. */
  readonly columns: readonly (keyof Summary & string)[];
  /** For a kind of jobs, how its statuses run and end; absent for custom models, which are not jobs. */
  readonly lifecycle?: JobLifecycle;
  /** The Get operation of one item, for the kinds of jobs. */
  readonly get?: GetOperation;
}

/** A kind with its types erased, for the parts that handle every kind alike. */
// biome-ignore lint/suspicious/noExplicitAny: erasing the kind's own types is the point here.
export type AnyListingKind = ListingKind<any, any>;

/** The HTTP method and path of a kind's list operation, from the SDK's schema. */
export function httpBinding(kind: AnyListingKind): { readonly method: string; readonly path: string } {
  return operationBinding(kind.schemas);
}

/** The HTTP method and path (with its `{label}`s) of any operation, from the SDK's schema. */
export function operationBinding(schemas: OperationSchemas): { readonly method: string; readonly path: string } {
  const traits = schemas.operation[3] as { http?: readonly [string, string, number] };
  const [method, path] = traits.http ?? ['GET', ''];
  return { method, path };
}

/** Each request member's query parameter name, from the SDK's schema: `{ targetModelNameContains: 'outputModelNameContains', … }`. */
export function queryNames(kind: AnyListingKind): Readonly<Record<string, string>> {
  const members = kind.schemas.request[4] as readonly string[];
  const schemas = kind.schemas.request[5] as readonly MemberSchema[];
  return Object.fromEntries(
    members.map((member, index) => {
      const schema = schemas[index];
      const traits = Array.isArray(schema) ? (schema[1] as { httpQuery?: string } | undefined) : undefined;
      return [member, traits?.httpQuery ?? member];
    }),
  );
}

/** An item's time field (`creationTime`, `submitTime`) in ms of the service's clock; NaN when it has none. */
export function itemTime(kind: AnyListingKind, item: object): number {
  const value = (item as Record<string, unknown>)[kind.timeField];
  return value instanceof Date ? value.getTime() : typeof value === 'string' ? Date.parse(value) : Number.NaN;
}

/** An item's ARN, the key that names it (`jobArn`, `modelArn`), as a string. */
export function itemArn(kind: AnyListingKind, item: object): string {
  return String((item as Record<string, unknown>)[kind.arnField]);
}
