import { createAccessKeyService } from '../../core/access-keys/service';
import { createAuthorizationService } from '../../core/authorizations/service';
import { createClipboardGuard } from '../../core/clipboard-guard';
import { createKeyFileService } from '../../core/key-files/service';
import { nodeChosenFiles } from '../../adapters/files/chosen-files';
import { AppError } from '../../shared/errors';
import { authorizationFields } from '../../shared/authorizations/rules';
import type { AuthorizationSummary } from '../../shared/authorizations/types';
import type { MetadataStore } from '../../storage/metadata-store';
import { EXIT } from '../exit-codes';
import { parseFields } from '../field-rules';
import { lazySecretStore } from '../keychain';
import { findAuthorization } from '../references';
import { usageError } from '../sign-options';
import { withStoreToRead, withStoreToWrite } from '../writable-store';
import { subcommandOf, type CliContext } from '../context';

const line = (a: AuthorizationSummary) =>
  `${a.id}\t${a.callerKey}\t${a.description || '-'}\t${a.boundGroups.map((g) => `${g.name}:${g.environment}`).join(',') || '-'}`;

async function list({ command, io }: CliContext): Promise<number> {
  const authorizations = await withStoreToRead(io.env, (store) => createAuthorizationService({ store }).list());
  if (command.values.json) io.out(JSON.stringify(authorizations, null, 2));
  else if (authorizations.length === 0) io.err('No authorizations yet. Add one with: gatekey auth add');
  else for (const authorization of authorizations) io.out(line(authorization));
  return EXIT.ok;
}

/** The command line has no clipboard: nothing here copies (the key-file service only needs one to exist). */
const noClipboard = createClipboardGuard({
  readText: async () => '',
  writeText: async () => {
    throw new AppError('INTERNAL', 'The command line has no clipboard.', { reason: 'internal' });
  },
});

/** `--key-file` a.json [b.json…]: imported as the window's "Import key file…" does, with its checks and words. */
async function addFromKeyFiles(context: CliContext, store: MetadataStore, paths: string[]) {
  const authorizations = createAuthorizationService({ store, now: context.io.now });
  const accessKeys = createAccessKeyService({ store, secrets: lazySecretStore(() => context.keychain.store()), clipboard: noClipboard });
  const keyFiles = createKeyFileService({
    accessKeys,
    authorizations,
    clipboard: noClipboard,
    // The files named on the command line take the place of the file dialog.
    dialogs: { chooseKeyFiles: async () => paths, chooseSavePath: async () => null },
    files: nodeChosenFiles,
  });
  const { candidates, refused } = await keyFiles.chooseFiles();
  const summary = await keyFiles.importKeys(candidates);
  return { ...summary, rejected: [...refused, ...summary.rejected] };
}

async function add(context: CliContext): Promise<number> {
  const { command, io, args } = context;
  const { 'access-key-id': accessKeyId, 'api-key': apiKey, description } = command.values;
  const keyFiles = [...(command.values['key-file'] ?? []), ...(command.values['key-file'] ? args : [])];
  const given = [accessKeyId, apiKey, keyFiles.length > 0 ? 'files' : undefined].filter((value) => value !== undefined);
  if (given.length !== 1 || (!command.values['key-file'] && args.length > 0)) {
    throw usageError('Give one of --access-key-id ID, --api-key AK or --key-file FILE… (the caller handed it over).', { reason: 'cliOneCallerKey' });
  }
  if (keyFiles.length > 0) {
    if (description !== undefined) throw usageError('--description comes from the key file; leave it out with --key-file.', { reason: 'cliOneCallerKey' });
    const summary = await withStoreToWrite(io.env, (store) => addFromKeyFiles(context, store, keyFiles));
    if (command.values.json) io.out(JSON.stringify(summary, null, 2));
    else {
      for (const created of summary.created) io.out(`Authorized ${created.apiKey} (fingerprint ${created.fingerprint}) from ${created.source}: ${created.authorizationId}`);
      for (const skipped of summary.alreadyAuthorized) io.err(`${skipped.source}: the access key ${skipped.apiKey} is already authorized (${skipped.existingId}); skipped.`);
      for (const rejected of summary.rejected) io.err(`${rejected.source}: ${rejected.reason}`);
    }
    return summary.alreadyAuthorized.length + summary.rejected.length > 0 ? EXIT.usage : EXIT.ok;
  }
  const option = accessKeyId !== undefined ? '--access-key-id' : '--api-key';
  const fields = parseFields(authorizationFields, { callerKey: accessKeyId ?? apiKey, description: description ?? '' }, (field) => (field === 'callerKey' ? option : '--description'));
  if ((fields.callerKey.kind === 'accessKeyId') !== (option === '--access-key-id')) {
    const words = option === '--access-key-id' ? 'An Access Key ID is 12 hex characters.' : 'An APIKey is 32 hex characters.';
    throw usageError(`${option}: ${words}`, { reason: 'cliFieldRefused', params: { option, detail: words } });
  }
  const created = await withStoreToWrite(io.env, (store) => createAuthorizationService({ store, now: io.now }).create(fields));
  if (command.values.json) io.out(JSON.stringify(created, null, 2));
  else io.out(`Authorized ${created.callerKey}: ${created.id}`);
  return EXIT.ok;
}

async function remove({ command, io, args }: CliContext): Promise<number> {
  if (args.length !== 1) throw usageError('Name one authorization to remove: gatekey auth remove AUTH', { reason: 'cliArguments', params: { usage: 'gatekey auth remove AUTH' } });
  const removed = await withStoreToWrite(io.env, async (store) => {
    const authorization = findAuthorization(store, args[0]!);
    await createAuthorizationService({ store }).delete(authorization.id);
    return { id: authorization.id, callerKey: authorization.callerKey };
  });
  if (command.values.json) io.out(JSON.stringify(removed, null, 2));
  else io.out(`Removed the authorization of ${removed.callerKey} (${removed.id}).`);
  return EXIT.ok;
}

/** `gatekey auth list|add|remove`: the Access Authorization screen. */
export function authCommand(context: CliContext): Promise<number> {
  const [action, ...args] = context.args;
  const run = subcommandOf({ list, add, remove }, action);
  if (!run) throw usageError('gatekey auth list|add|remove', { reason: 'cliArguments', params: { usage: 'gatekey auth list|add|remove' } });
  return run({ ...context, args });
}
