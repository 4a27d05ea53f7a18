// A CommonJS consumer: require() loads this ES module on Node versions with require(esm)
// (20.19 and later, 22.12 and later).
const { paginateCustomizationJobs } = require('bedrock-customization-jobs');
const { startEmulator } = require('bedrock-customization-jobs/emulator');

async function main() {
  const emulator = await startEmulator({ jobs: { count: 120, seed: 3 } });
  try {
    const { BedrockClient } = require('@aws-sdk/client-bedrock');
    const client = new BedrockClient({
      endpoint: emulator.url,
      region: 'us-east-1',
      credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
    });
    const jobs = await paginateCustomizationJobs({}, { client, pageSize: 50 }).toArray();
    console.log(`require(): ${jobs.length} jobs`);
  } finally {
    await emulator.close();
  }
}
main();
