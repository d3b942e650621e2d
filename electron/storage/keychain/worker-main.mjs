// @ts-check
// Entry of the keychain helper process (bundled as dist/electron/keychain-worker.cjs).
import { parentPort, serveKeychain } from './worker-serve.mjs';

// Loaded on first use, so that a missing native module or libsecret library
// becomes an error reply ("could not load its keychain module") instead of a dead helper.
/** @type {Promise<import('./worker-serve.mjs').Keytar> | undefined} */
let keytar;
serveKeychain(() => (keytar ??= import('keytar').then((module) => module.default ?? module)), parentPort());
