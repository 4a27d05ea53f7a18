import { linkAbort } from '../paging/abort-link.js';

/**
 * The signal of one watch or wait: aborted by the caller's signal (with its
 * reason), by `cancel` (the consumer left), or when `timeout` ms have passed
 * (with a `TimeoutError` DOMException, as `AbortSignal.timeout` gives).
 * `dispose` undoes the links and clears the timer, so that a run that ended
 * keeps nothing alive.
 */
export function runSignal(
  what: string,
  {
    signal,
    cancel,
    timeout,
  }: { signal?: AbortSignal | undefined; cancel?: AbortSignal | undefined; timeout?: number | undefined },
): { readonly signal: AbortSignal; readonly dispose: () => void } {
  const controller = new AbortController();
  const unlink = [linkAbort(signal, controller), linkAbort(cancel, controller)];
  const timer =
    timeout === undefined || timeout === Number.POSITIVE_INFINITY
      ? undefined
      : setTimeout(() => controller.abort(new DOMException(`${what} timed out after ${timeout} ms`, 'TimeoutError')), timeout);
  return {
    signal: controller.signal,
    dispose: () => {
      clearTimeout(timer);
      for (const undo of unlink) undo();
    },
  };
}
