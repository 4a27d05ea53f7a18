import { type ChildProcess, fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { BedrockClient } from '@aws-sdk/client-bedrock';
import type { EmulatorOptions, Faults, RequestRecord } from '../../src/emulator/index.js';

/** An emulator in a child process, and a real SDK client on it. */
export interface RemoteEmulator {
  readonly url: string;
  /** A real client with its own retries off, as the library's default client has them. */
  readonly client: BedrockClient;
  setFaults(faults?: Faults): Promise<void>;
  requests(): Promise<RequestRecord[]>;
  clearRequests(): Promise<void>;
  close(): Promise<void>;
}

export async function startRemoteEmulator(options: EmulatorOptions): Promise<RemoteEmulator> {
  const child: ChildProcess = fork(fileURLToPath(new URL('./emulator-process.ts', import.meta.url)), [JSON.stringify(options)], {
    execArgv: ['--import', 'tsx'],
  });
  type Reply = { id: number; url?: string; requests?: RequestRecord[] };
  const waiting = new Map<number, (reply: Reply) => void>();
  child.on('message', (reply: Reply) => {
    waiting.get(reply.id)?.(reply);
    waiting.delete(reply.id);
  });
  let nextId = 1;
  const call = (message: object) =>
    new Promise<{ requests?: RequestRecord[] }>((resolve) => {
      const id = nextId++;
      waiting.set(id, resolve);
      child.send({ ...message, id });
    });
  const { url = '' } = await new Promise<Reply>((resolve) => waiting.set(0, resolve));
  const client = new BedrockClient({
    endpoint: url,
    region: 'us-east-1',
    credentials: { accessKeyId: 'bench', secretAccessKey: 'bench' },
    maxAttempts: 1,
  });
  return {
    url,
    client,
    setFaults: async (faults = {}) => void (await call({ call: 'setFaults', faults })),
    requests: async () => (await call({ call: 'requests' })).requests ?? [],
    clearRequests: async () => void (await call({ call: 'clearRequests' })),
    close: async () => {
      client.destroy();
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.disconnect();
      await exited;
    },
  };
}
