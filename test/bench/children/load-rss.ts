// A fresh process's memory after loading the store (bundled and run by process.measure.ts):
// `backend <dataDir>` builds the real backend as main does (its store opened to write, indexes
// built on the first query); `floor <dataDir>` only reads and parses the same files.
// Prints one JSON line: resident set after load (after a full GC) and the peak.
import { join } from 'node:path';
import { createBackend, STORE_FILE_NAME } from '../../../electron/ipc/backend';
import { keytarSecretStore } from '../../../electron/storage/keytar-secret-store';
import type { Desktop } from '../../../electron/ipc/handlers/app';
import { MemoryClipboard } from '../../support/memory-clipboard';
import { bareReadAndParse } from '../bench-store';

const [mode, dataDir] = process.argv.slice(2);
const mb = (bytes: number) => bytes / 1024 / 1024;
// Nothing asks the desktop anything here (test-backend's RecordingDesktop would load keytar into this process).
const desktop: Desktop = {
  showItemInFolder: () => undefined,
  chooseSavePath: async () => null,
  chooseKeyFiles: async () => [],
  confirm: async () => false,
  consumeUserActivation: () => false,
};

async function main(): Promise<void> {
  let keep: unknown;
  let shutdown = async () => undefined as unknown;
  if (mode === 'backend') {
    // No keychain call is made: the keychain helper is never started.
    const backend = await createBackend({ dataDir: dataDir!, secrets: keytarSecretStore('gatekey-bench-rss-unused'), clipboard: new MemoryClipboard(), desktop, version: 'bench' });
    if (backend.store.status.state !== 'ok') throw new Error(`the store opened ${backend.store.status.state}`);
    keep = backend;
    shutdown = backend.shutdown;
  } else {
    keep = await bareReadAndParse(join(dataDir!, STORE_FILE_NAME));
  }
  (globalThis as { gc?: () => void }).gc?.();
  await new Promise((resolve) => setImmediate(resolve));
  const rss = mb(process.memoryUsage().rss);
  const peak = mb(process.resourceUsage().maxRSS * 1024);
  process.stdout.write(`${JSON.stringify({ rss, peak, kept: keep !== undefined })}\n`);
  await shutdown();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
