import { BedrockClient } from '@aws-sdk/client-bedrock';
import { watchCustomizationJobs } from 'bedrock-customization-jobs';
import { startEmulator } from 'bedrock-customization-jobs/emulator';

// Two jobs that run for 45 and 100 minutes on the emulator's virtual clock,
// which moves only when told: hours of a watch take milliseconds.
const emulator = await startEmulator({ clock: 'virtual', lifecycle: { failureRate: 0.5, seed: 3 } });
emulator.addJobs(
  [45, 100].map((minutes) => ({
    jobArn: `arn:aws:bedrock:us-east-1:123456789012:model-customization-job/amazon.nova-lite-v1:0:300k/job000000${minutes}`,
    jobName: `nightly-ft-${minutes}m`,
    baseModelArn: 'arn:aws:bedrock:us-east-1::foundation-model/amazon.nova-lite-v1:0:300k',
    status: 'InProgress' as const,
    creationTime: new Date(),
    durationMs: minutes * 60_000,
  })),
);
const client = new BedrockClient({
  endpoint: emulator.url,
  region: 'us-east-1',
  credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
});

// interval: 0, since the clock moves only between events: the next() after
// the last event of a poll polls again at once.
let seen = 0;
for await (const event of watchCustomizationJobs({}, { client, interval: 0 }).take(4)) {
  const { jobName, status } = event.job;
  console.log(
    event.type === 'added' ? `added: ${jobName} ${status}` : `changed: ${jobName} ${event.previous.status} → ${status}`,
  );
  // After the first poll's two events, an hour passes; after the next, another.
  if (++seen >= 2) emulator.advance(3_600_000);
}
await emulator.close();
