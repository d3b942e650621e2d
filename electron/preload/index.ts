import { contextBridge, ipcRenderer } from 'electron';
import type { GatekeyApi, Input, Method, Output } from '../ipc/contract';
import type { Result } from '../ipc/result';

/*
 * The bridge, exposed as `window.api`: one named function per channel, nothing
 * generic. This file runs in a sandboxed renderer, where only 'electron' can be
 * required, so it is bundled into one file and imports nothing at runtime from
 * the contract (that would pull zod in): the prefix below must match
 * `channelOf` in ipc/contract.ts, which a test checks.
 */
const CHANNEL_PREFIX = 'gatekey:';

const call = <M extends Method>(method: M, input: Input<M>): Promise<Result<Output<M>>> =>
  ipcRenderer.invoke(`${CHANNEL_PREFIX}${method}`, input) as Promise<Result<Output<M>>>;

const api = {
  getAppStatus: (input) => call('getAppStatus', input),
  listAccessKeys: (input) => call('listAccessKeys', input),
  getAccessKey: (input) => call('getAccessKey', input),
  createAccessKey: (input) => call('createAccessKey', input),
  updateAccessKey: (input) => call('updateAccessKey', input),
  deleteAccessKey: (input) => call('deleteAccessKey', input),
  revealAccessKeySecret: (input) => call('revealAccessKeySecret', input),
  copyAccessKeySecret: (input) => call('copyAccessKeySecret', input),
  copyAccessKeyApiKey: (input) => call('copyAccessKeyApiKey', input),
  copyAccessKeyId: (input) => call('copyAccessKeyId', input),
  reconcileKeychain: (input) => call('reconcileKeychain', input),
  restoreAccessKeySecret: (input) => call('restoreAccessKeySecret', input),
  deleteOrphanSecret: (input) => call('deleteOrphanSecret', input),
  adoptOrphanSecret: (input) => call('adoptOrphanSecret', input),
  listAccessKeyGrants: (input) => call('listAccessKeyGrants', input),
  listApiGroups: (input) => call('listApiGroups', input),
  createApiGroup: (input) => call('createApiGroup', input),
  updateApiGroup: (input) => call('updateApiGroup', input),
  deleteApiGroup: (input) => call('deleteApiGroup', input),
  listAuthorizations: (input) => call('listAuthorizations', input),
  createAuthorization: (input) => call('createAuthorization', input),
  updateAuthorization: (input) => call('updateAuthorization', input),
  deleteAuthorization: (input) => call('deleteAuthorization', input),
  setAuthorizationBindings: (input) => call('setAuthorizationBindings', input),
  exportAccessKeyFile: (input) => call('exportAccessKeyFile', input),
  copyAccessKeyHandoffText: (input) => call('copyAccessKeyHandoffText', input),
  chooseKeyFiles: (input) => call('chooseKeyFiles', input),
  previewKeyImport: (input) => call('previewKeyImport', input),
  importKeys: (input) => call('importKeys', input),
  previewTestCall: (input) => call('previewTestCall', input),
  sendTestCall: (input) => call('sendTestCall', input),
  restoreStoreBackup: (input) => call('restoreStoreBackup', input),
  resolveStoreConflict: (input) => call('resolveStoreConflict', input),
  saveStoreNow: (input) => call('saveStoreNow', input),
  checkKeychain: (input) => call('checkKeychain', input),
  getKeychainState: (input) => call('getKeychainState', input),
  dismissWelcome: (input) => call('dismissWelcome', input),
  getAboutInfo: (input) => call('getAboutInfo', input),
  showDataFolder: (input) => call('showDataFolder', input),
} satisfies GatekeyApi;

contextBridge.exposeInMainWorld('api', api);
