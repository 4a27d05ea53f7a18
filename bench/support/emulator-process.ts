/**
 * The emulator in a process of its own, so that its work (building pages,
 * waiting out latency) never shares a thread with the client being measured.
 * Started by remote-emulator.ts; driven over IPC.
 */
import { type EmulatorOptions, startEmulator } from '../../src/emulator/index.js';

const options = JSON.parse(process.argv[2] ?? '{}') as EmulatorOptions;
const emulator = await startEmulator(options);

type Message =
  | { id: number; call: 'setFaults'; faults: EmulatorOptions['faults'] }
  | { id: number; call: 'requests' }
  | { id: number; call: 'clearRequests' };

process.on('message', (message: Message) => {
  if (message.call === 'setFaults') emulator.setFaults(message.faults);
  if (message.call === 'clearRequests') emulator.requests.length = 0;
  process.send?.({ id: message.id, requests: message.call === 'requests' ? emulator.requests : undefined });
});
process.on('disconnect', () => {
  void emulator.close().then(() => process.exit(0));
});
process.send?.({ id: 0, url: emulator.url });
