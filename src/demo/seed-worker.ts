import { parentPort, workerData } from 'node:worker_threads';
import { CREDITS_PER_WORKER, encodeBatch, type WorkerInput, type WorkerMessage } from './batch-source.js';
import { generateDemoCompany } from './generate-demo-company.js';

/*
 * Worker thread: generates and encodes one shard of the demo company's customer batches,
 * staying at most CREDITS_PER_WORKER batches ahead of what the loader has taken.
 */
const port = parentPort;
if (!port) throw new Error('seed-worker must run as a worker thread');
const input = workerData as WorkerInput;

let credits = CREDITS_PER_WORKER;
let wake: (() => void) | undefined;
port.on('message', () => {
  credits++;
  wake?.();
  wake = undefined;
});

const send = (message: WorkerMessage, transfer: ArrayBuffer[] = []) => port.postMessage(message, transfer);

send({ type: 'ready' });
for (const batch of generateDemoCompany({
  ...input.options,
  now: new Date(input.options.now),
  shard: input.shard,
})) {
  while (credits === 0) {
    await new Promise<void>((resolve) => {
      wake = resolve;
    });
  }
  credits--;
  const encoded = encodeBatch(batch);
  send(
    { type: 'batch', batch: encoded },
    encoded.tables.map(([, bytes]) => bytes.buffer as ArrayBuffer),
  );
}
send({ type: 'done' });
// Stop listening for credits, so the thread can exit.
port.close();
