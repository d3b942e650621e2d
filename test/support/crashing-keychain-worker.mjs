// @ts-check
// A keychain helper that crashes right after carrying out a call: the real
// keytar does the work (GATEKEY_TEST_CRASH_AFTER names the op: set or delete),
// then the process dies before it can reply, as a segfault inside libsecret
// would. Only the crash is made up: it cannot be provoked after a successful
// write on demand. With GATEKEY_TEST_CRASH_ONCE_FILE, only the first helper
// crashes (it creates that file); later ones behave.
import { closeSync, openSync } from 'node:fs';
import keytar from 'keytar';
import { parentPort, serveKeychain } from '../../electron/storage/keychain/worker-serve.mjs';

const crashAfter = process.env.GATEKEY_TEST_CRASH_AFTER;
const onceFile = process.env.GATEKEY_TEST_CRASH_ONCE_FILE;

function shouldCrash() {
  if (!onceFile) return true;
  try {
    closeSync(openSync(onceFile, 'wx'));
    return true;
  } catch {
    return false;
  }
}

/** @type {<A extends unknown[], R>(op: string, call: (...args: A) => Promise<R>) => (...args: A) => Promise<R>} */
const crashingAfter = (op, call) => async (...args) => {
  const result = await call(...args);
  if (op === crashAfter && shouldCrash()) {
    process.kill(process.pid, 'SIGKILL');
    await new Promise(() => undefined);
  }
  return result;
};

serveKeychain(
  async () => ({
    getPassword: keytar.getPassword,
    findCredentials: keytar.findCredentials,
    setPassword: crashingAfter('set', keytar.setPassword),
    deletePassword: crashingAfter('delete', keytar.deletePassword),
  }),
  parentPort(),
);
