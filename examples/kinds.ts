import { paginateCustomModels, paginateModelImportJobs } from 'bedrock-customization-jobs';

// The active custom models, and how each came to be: customization, import or copy.
const byOrigin = await paginateCustomModels({ modelStatus: 'Active' }).reduce(
  (counts, model) =>
    counts.set(model.customizationType ?? 'unknown', (counts.get(model.customizationType ?? 'unknown') ?? 0) + 1),
  new Map<string, number>(),
);
console.log('active custom models:', [...byOrigin].map(([origin, count]) => `${origin} ${count}`).join(', '));

// The three newest completed imports, and the models they brought in.
for await (const job of paginateModelImportJobs({ statusEquals: 'Completed' }).take(3)) {
  console.log(`${job.jobName} imported ${job.importedModelName}`);
}
