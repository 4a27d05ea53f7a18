/**
 * Aborts `target` when `source` aborts, with the same reason, and returns
 * the function that undoes the link. Unlike `AbortSignal.any`, the link is
 * gone once undone: a long-lived signal shared by many runs holds nothing
 * of the runs that ended.
 */
export function linkAbort(source: AbortSignal | undefined, target: AbortController): () => void {
  if (source === undefined) return () => {};
  if (source.aborted) {
    target.abort(source.reason);
    return () => {};
  }
  const forward = () => target.abort(source.reason);
  source.addEventListener('abort', forward, { once: true });
  return () => source.removeEventListener('abort', forward);
}
