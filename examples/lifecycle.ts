import {
  BedrockClient,
  CreateModelCustomizationJobCommand,
  GetModelCustomizationJobCommand,
  GetModelImportJobCommand,
} from '@aws-sdk/client-bedrock';
import { startEmulator } from 'bedrock-customization-jobs/emulator';

const HOUR = 3_600_000;
// Time moves only with advance(). A job without its own durationMs runs 1 to 3 hours,
// drawn from seed 7; half of the jobs fail.
const emulator = await startEmulator({
  clock: 'virtual',
  lifecycle: { durationMs: { min: HOUR, max: 3 * HOUR }, failureRate: 0.5, seed: 7 },
});
emulator.addImportJobs([
  {
    jobArn: 'arn:aws:bedrock:us-east-1:123456789012:model-import-job/abcdefghijkl',
    jobName: 'import-a',
    status: 'InProgress',
    creationTime: new Date(),
    durationMs: HOUR / 2, // its own duration
  },
]);

const client = new BedrockClient({
  endpoint: emulator.url,
  region: 'us-east-1',
  credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
});
const { jobArn } = await client.send(
  new CreateModelCustomizationJobCommand({
    jobName: 'fine-tune-a',
    customModelName: 'model-a',
    roleArn: 'arn:aws:iam::123456789012:role/Bedrock',
    baseModelIdentifier: 'amazon.titan-text-express-v1:0:8k',
    trainingDataConfig: { s3Uri: 's3://my-bucket/train.jsonl' },
    outputDataConfig: { s3Uri: 's3://my-bucket/output/' },
  }),
);

emulator.advance(3 * HOUR); // past every duration
const jobs = [
  await client.send(new GetModelImportJobCommand({ jobIdentifier: 'import-a' })),
  await client.send(new GetModelCustomizationJobCommand({ jobIdentifier: jobArn })),
];
for (const job of jobs) {
  const minutes = Math.round(((job.endTime?.getTime() ?? 0) - (job.creationTime?.getTime() ?? 0)) / 60_000);
  console.log(`${job.jobName} ${job.status} after ${minutes} min${job.failureMessage ? `: ${job.failureMessage}` : ''}`);
}

await emulator.close();
