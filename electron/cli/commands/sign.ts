import { randomUUID } from 'node:crypto';
import { AppError } from '../../shared/errors';
import { visible } from '../../shared/signing/input-rules';
import { signTestRequest, type SigningCredentials } from '../../core/signing/request';
import { signingDate } from '../../core/signing/signer';
import { readBodyFile } from '../body-file';
import { EXIT } from '../exit-codes';
import { signOptionsOf, usageError } from '../sign-options';
import { readAccessKeys } from '../store-access';
import type { CliContext } from '../context';

async function credentialsFor({ command, io, keychain }: CliContext): Promise<SigningCredentials> {
  const { key, 'api-key': apiKey, 'secret-stdin': secretStdin } = command.values;
  if (key && (apiKey || secretStdin)) throw usageError('Use either --key, or --api-key with --secret-stdin, not both.', { reason: 'cliBothCredentials' });
  if (apiKey || secretStdin) {
    if (!apiKey || !secretStdin) throw usageError('--api-key needs --secret-stdin (the secret is read from standard input, never from arguments).', { reason: 'cliApiKeyNeedsSecretStdin' });
    if (!/^[0-9A-Fa-f]{32}$/.test(apiKey.trim())) throw usageError('An APIKey is 32 hex characters.', { reason: 'cliApiKeyFormat' });
    const secret = (await io.readStdin()).trim();
    if (!secret) throw usageError('No secret on standard input.', { reason: 'cliNoSecretOnStdin' });
    return { apiKey: apiKey.trim().toUpperCase(), secret };
  }
  if (!key) throw usageError('Name the access key with --key NAME|ID, or use --api-key AK --secret-stdin.', { reason: 'cliNoKeyNamed' });
  const keys = await readAccessKeys(io.env);
  const found = keys.find((k) => k.id === key.toLowerCase()) ?? keys.find((k) => k.name.toLowerCase() === key.toLowerCase());
  if (!found) throw new AppError('NOT_FOUND', `No access key named or with the ID "${visible(key)}". List them with: gatekey keys`, { reason: 'cliAccessKeyNotFound', params: { key: visible(key) } });
  // Locked, unavailable and timed out throw their own codes (exit 6 and 4); null is only "read, and not there".
  const secret = await keychain.store().get(found.id);
  if (secret === null) throw new AppError('SECRET_MISSING', `The APISecret of "${found.name}" is not in the OS keychain.`, { reason: 'cliSecretMissing', params: { name: found.name } });
  return { apiKey: found.apiKey, secret };
}

/** `gatekey sign`: the headers that sign a request. Never prints the secret. */
export async function signCommand(context: CliContext): Promise<number> {
  const { command, io } = context;
  const options = signOptionsOf(command);
  const dataFile = command.values['data-file'];
  const body = dataFile !== undefined ? await readBodyFile(dataFile) : (command.values.data ?? '');
  const method = options.method ?? (body === '' ? 'GET' : 'POST');

  const credentials = await credentialsFor(context);
  const signed = signTestRequest({ method, url: options.url, headers: options.headers, body }, credentials, {
    algorithm: options.algorithm,
    region: options.region,
    service: options.service,
    date: options.date ?? signingDate((io.now ?? (() => new Date()))()),
    nonce: options.nonce ?? randomUUID(),
  });
  if (command.values.explain) io.err(`Canonical request:\n${signed.canonicalRequest}\n\nString to sign:\n${signed.stringToSign}\n`);
  if (command.values.curl) io.out(signed.curl);
  else for (const [name, value] of signed.headersToAdd) io.out(`${name}: ${value}`);
  return EXIT.ok;
}
