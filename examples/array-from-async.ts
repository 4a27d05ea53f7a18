import { paginateCustomizationJobs } from 'bedrock-customization-jobs';

// Array.fromAsync collects any async iterable; Node 22 and later have it.
if (typeof Array.fromAsync === 'function') {
  const stopped = await Array.fromAsync(paginateCustomizationJobs({ statusEquals: 'Stopped' }));
  console.log(`Array.fromAsync: ${stopped.length} stopped jobs`);
} else {
  console.log(`Array.fromAsync needs Node 22 or later, and this is Node ${process.versions.node}; .toArray() does the same.`);
}
