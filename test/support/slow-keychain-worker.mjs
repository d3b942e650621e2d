// @ts-check
// A keychain helper whose keychain is slow to confirm writes: setPassword lands
// GATEKEY_TEST_SET_DELAY_MS after it was asked, long after Gatekey gave up.
// It wraps the real keytar: only the timing is made up, because a Secret
// Service that answers late cannot be provoked here on demand.
import { parentPort, serveKeychain } from '../../electron/storage/keychain/worker-serve.mjs';

const delayMs = Number(process.env.GATEKEY_TEST_SET_DELAY_MS ?? 0);
let givenUp = false;
// A real daemon finishes a write it has received even when the client is
// killed; this helper does the same, then goes away. The handler is installed
// before keytar loads (a dynamic import, below): on a busy machine Gatekey may
// give up while keytar is still loading, and the default SIGTERM would end the
// helper before the late write lands.
process.on('SIGTERM', () => {
  givenUp = true;
});
const port = parentPort();
process.removeAllListeners('disconnect');
// Requests are taken at once; they wait for keytar to load.
serveKeychain(async () => {
  const keytar = (await import('keytar')).default;
  /** @type {import('../../electron/storage/keychain/worker-serve.mjs').Keytar} */
  const slowKeytar = {
    getPassword: keytar.getPassword,
    deletePassword: keytar.deletePassword,
    findCredentials: keytar.findCredentials,
    async setPassword(service, account, password) {
      await new Promise((resolve) => setTimeout(resolve, delayMs));
      await keytar.setPassword(service, account, password);
      if (givenUp) process.exit(0);
    },
  };
  return slowKeytar;
}, port);
