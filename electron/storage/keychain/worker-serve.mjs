// @ts-check
/**
 * The keychain helper process: runs keytar calls for Gatekey, one reply per
 * request. It is plain JavaScript so that Node can fork it straight from the
 * source tree (tests, a CLI run from a clone) as well as from the bundle.
 * Never log a request or a reply: they carry secrets.
 */

/** @typedef {import('./worker-protocol').WorkerRequest} WorkerRequest */
/** @typedef {import('./worker-protocol').WorkerReply} WorkerReply */
/** @typedef {Pick<typeof import('keytar'), 'getPassword' | 'setPassword' | 'deletePassword' | 'findCredentials'>} Keytar */
/** @typedef {{ onRequest(listener: (request: WorkerRequest) => void): void; reply(reply: WorkerReply): void }} ParentPort */

/**
 * @param {Keytar} keytar
 * @param {WorkerRequest} request
 * @returns {Promise<string | boolean | string[] | null | undefined>}
 */
async function perform(keytar, request) {
  switch (request.op) {
    case 'get':
      return keytar.getPassword(request.service, request.account);
    case 'set':
      await keytar.setPassword(request.service, request.account, request.secret);
      return undefined;
    case 'has':
      // The secret stays in the helper: only whether there is one goes back.
      return (await keytar.getPassword(request.service, request.account)) !== null;
    case 'delete':
      return keytar.deletePassword(request.service, request.account);
    case 'accounts':
      // findCredentials returns the passwords too; only the accounts go back.
      return (await keytar.findCredentials(request.service)).map((entry) => entry.account);
  }
}

/**
 * @param {() => Promise<Keytar>} loadKeytar
 * @param {ParentPort} port
 */
export function serveKeychain(loadKeytar, port) {
  port.onRequest(async (request) => {
    try {
      port.reply({ id: request.id, ok: true, value: await perform(await loadKeytar(), request) });
    } catch (error) {
      port.reply({ id: request.id, ok: false, message: error instanceof Error ? error.message : String(error) });
    }
  });
}

/**
 * The channel to Gatekey: Electron's utility-process port in the app, Node's IPC channel otherwise.
 * @returns {ParentPort}
 */
export function parentPort() {
  const electronPort = /** @type {{ parentPort?: { on(event: 'message', listener: (event: { data: WorkerRequest }) => void): void; postMessage(reply: WorkerReply): void } }} */ (
    /** @type {unknown} */ (process)
  ).parentPort;
  if (electronPort) {
    return { onRequest: (listener) => electronPort.on('message', (event) => listener(event.data)), reply: (reply) => electronPort.postMessage(reply) };
  }
  // Gatekey went away: nothing is left to answer.
  process.on('disconnect', () => process.exit(0));
  return {
    onRequest: (listener) => process.on('message', (message) => listener(/** @type {WorkerRequest} */ (message))),
    reply: (reply) => process.send?.(reply),
  };
}
