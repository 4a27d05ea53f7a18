import { paginateCustomizationJobs } from 'bedrock-customization-jobs';

// Give the whole listing two seconds: the signal cancels the request in
// flight or the backoff wait, and the iterator rejects with its reason.
const signal = AbortSignal.timeout(2_000);
try {
  const count = await paginateCustomizationJobs({ nameContains: 'support' }, { signal }).reduce((n) => n + 1, 0);
  console.log(`${count} jobs named *support*`);
} catch (error) {
  if (!signal.aborted) throw error;
  console.log(`gave up: ${signal.reason}`);
}
