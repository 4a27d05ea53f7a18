/**
 * `npm run demo`: a local Bedrock emulator holding a whole generated
 * account (customization, import, copy, batch inference and evaluation
 * jobs, and the custom models they made), listed kind by kind through the
 * real SDK client with throttling injected, and summed up.
 */
import { BedrockClient } from '@aws-sdk/client-bedrock';
import {
  type PaginateOptions,
  paginateCustomizationJobs,
  paginateCustomModels,
  paginateEvaluationJobs,
  paginateModelCopyJobs,
  paginateModelImportJobs,
  paginateModelInvocationJobs,
} from 'bedrock-customization-jobs';
import { startEmulator } from 'bedrock-customization-jobs/emulator';

// Node 20 is still supported by this SDK release; its reminder is noise in a demo.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

const generate = (count: number) => ({ count, seed: 2026, endingAt: new Date() });
const emulator = await startEmulator({
  jobs: generate(3_000),
  customModels: generate(200),
  importJobs: generate(300),
  copyJobs: generate(200),
  invocationJobs: generate(1_500),
  evaluationJobs: generate(500),
  faults: { seed: 1, throttle: { probability: 0.3 } },
});
const client = new BedrockClient({
  endpoint: emulator.url,
  region: 'us-east-1',
  credentials: { accessKeyId: 'demo', secretAccessKey: 'demo' },
  maxAttempts: 1,
});
let retried = 0;
const options: PaginateOptions = { client, retry: { minTimeout: 50, onRetry: () => retried++ } };

/** Every item of a listing, each kind with the field that holds its state. */
const kinds = [
  { title: 'customization jobs', items: paginateCustomizationJobs({}, options), status: 'status' },
  { title: 'custom models', items: paginateCustomModels({}, options), status: 'modelStatus' },
  { title: 'model import jobs', items: paginateModelImportJobs({}, options), status: 'status' },
  { title: 'model copy jobs', items: paginateModelCopyJobs({}, options), status: 'status' },
  { title: 'batch inference jobs', items: paginateModelInvocationJobs({}, options), status: 'status' },
  { title: 'evaluation jobs', items: paginateEvaluationJobs({}, options), status: 'status' },
] as const;

const started = performance.now();
// The six listings run side by side: each one is lazy until iterated here.
const listed = await Promise.all(
  kinds.map(async ({ items }) => {
    const all: Record<string, unknown>[] = [];
    for await (const item of items) all.push({ ...item });
    return all;
  }),
);
const seconds = ((performance.now() - started) / 1000).toFixed(2);
const total = listed.reduce((sum, items) => sum + items.length, 0);
const pages = emulator.requests.filter((request) => request.status === 200).length;

const countBy = (items: readonly Record<string, unknown>[], field: string) => {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(String(item[field] ?? '?'), (counts.get(String(item[field] ?? '?')) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1]);
};
const n = (count: number) => count.toLocaleString('en-US');

console.log(`Listed ${n(total)} items of 6 kinds from one local Bedrock account in ${seconds} s`);
console.log(`(${pages} pages; ${retried} throttled request${retried === 1 ? '' : 's'} retried with backoff)\n`);
kinds.forEach(({ title, status }, index) => {
  const items = listed[index] ?? [];
  const counts = countBy(items, status);
  const states = counts.slice(0, 5).map(([state, count]) => `${state} ${n(count)}`);
  if (counts.length > 5) states.push(`${counts.length - 5} more`);
  console.log(`  ${title.padEnd(22)}${n(items.length).padStart(6)}  ${states.join(' · ')}`);
});

const [jobs = [], models = [], imports = [], copies = []] = listed;
// The account is coherent: each model a job made is among the custom models, so a model's ARN names its maker.
const madeBy = new Map<unknown, string>([
  ...jobs.map((job) => [job.customModelArn, 'customization jobs'] as const),
  ...imports.map((job) => [job.importedModelArn, 'model import jobs'] as const),
  ...copies.map((job) => [job.targetModelArn, 'model copy jobs'] as const),
]);
const origins = countBy(
  models.map((model) => ({ origin: madeBy.get(model.modelArn) ?? 'no job here (shared, or older)' })),
  'origin',
);
console.log('\n  Custom models, by the job that made them');
for (const [origin, count] of origins) console.log(`    ${origin.padEnd(32)}${n(count).padStart(6)}`);
console.log('\n  Newest custom models');
for (const model of models.slice(0, 5)) {
  const created = (model.creationTime as Date).toISOString().slice(0, 16).replace('T', ' ');
  console.log(`    ${created}  ${String(model.modelName).padEnd(44)} from ${model.baseModelName}`);
}
await emulator.close();
