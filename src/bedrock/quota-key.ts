/**
 * What names a Bedrock quota, for a pacer: the operation, the region and
 * the account. The account is known by the client's access key (a key
 * belongs to one account); a stand-in client without a region or
 * credentials is a quota of its own.
 */
import type { Pacer } from '../pacing/pacer.js';
import { paceRequest } from '../pacing/pacer.js';
import type { PaceTicket } from '../pacing/quota.js';
import { type BedrockClientLike, regionOfClient } from './client-like.js';

const identities = new WeakMap<object, Promise<string>>();
let anonymous = 0;

/** The access key the client signs with, when its credentials resolve; `undefined` otherwise. */
async function accessKeyOf(client: BedrockClientLike): Promise<string | undefined> {
  const credentials = (client as { config?: { credentials?: unknown } }).config?.credentials;
  try {
    const value = typeof credentials === 'function' ? await (credentials as () => unknown)() : credentials;
    const key = (value as { accessKeyId?: unknown } | undefined)?.accessKeyId;
    return typeof key === 'string' && key !== '' ? key : undefined;
  } catch {
    // The request itself will fail, and say why; its pace does not matter.
    return undefined;
  }
}

/** The client's region and account, once per client. */
function identityOf(client: BedrockClientLike): Promise<string> {
  let identity = identities.get(client);
  if (identity === undefined) {
    const own = `client ${++anonymous}`;
    identity = Promise.all([regionOfClient(client), accessKeyOf(client)]).then(([region, key]) =>
      region !== undefined && key !== undefined ? `${region} ${key}` : own,
    );
    identities.set(client, identity);
  }
  return identity;
}

/** How a listing of `operation` waits for each request's turn with `pacer`, on the client it sends with. */
export function pacing(
  pacer: Pacer,
  operation: string,
  client: () => BedrockClientLike,
): (signal: AbortSignal) => Promise<PaceTicket> {
  return async (signal) => pacer[paceRequest](`${operation} ${await identityOf(client())}`, signal);
}
