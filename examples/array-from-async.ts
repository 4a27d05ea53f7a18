import { paginateCustomizationJobs } from 'bedrock-customization-jobs';

// Node 22 and later: Array.fromAsync collects any async iterable.
const stopped = await Array.fromAsync(paginateCustomizationJobs({ statusEquals: 'Stopped' }));
console.log(`Array.fromAsync: ${stopped.length} stopped jobs`);
