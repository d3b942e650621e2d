import { randomUUID } from 'node:crypto';
import { AppError } from '../shared/errors';
import { visible } from '../shared/signing/input-rules';
import { signTestRequest, type SigningCredentials } from '../core/signing/request';
import { signingDate } from '../core/signing/signer';
import type { SecretStore } from '../core/ports/secret-store';
import { parseCommandLine, USAGE, type CommandLine } from './args';
import { readBodyFile } from './body-file';
import { EXIT, ExitError, exitCodeOf } from './exit-codes';
import { cliKeychain, type CliKeychain } from './keychain';
import { signOptionsOf, usageError } from './sign-options';
import { readAccessKeys } from './store-access';

export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  readStdin(): Promise<string>;
  env: NodeJS.ProcessEnv;
  now?: () => Date;
  secrets?: SecretStore;
  version?: string;
}

async function listKeys(command: CommandLine, io: CliIo): Promise<number> {
  const keys = await readAccessKeys(io.env);
  // --json prints each record whole (a record never holds a secret), so a new field shows up here by itself.
  const rows = keys.map(({ updatedAt: _updatedAt, ...row }) => row);
  if (command.values.json) io.out(JSON.stringify(rows, null, 2));
  else if (rows.length === 0) io.err('No access keys yet. Create one in Gatekey.');
  else for (const row of rows) io.out(`${row.name}\t${row.id}\t${row.apiKey}`);
  return EXIT.ok;
}

async function credentialsFor(command: CommandLine, io: CliIo, keychain: CliKeychain): Promise<SigningCredentials> {
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

async function signCommand(command: CommandLine, io: CliIo, keychain: CliKeychain): Promise<number> {
  const options = signOptionsOf(command);
  const dataFile = command.values['data-file'];
  const body = dataFile !== undefined ? await readBodyFile(dataFile) : (command.values.data ?? '');
  const method = options.method ?? (body === '' ? 'GET' : 'POST');

  const credentials = await credentialsFor(command, io, keychain);
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

function reportFailure(error: unknown, io: CliIo): number {
  if (error instanceof ExitError) {
    io.err(`gatekey: ${error.message}`);
    return error.exitCode;
  }
  if (error instanceof AppError) {
    io.err(`gatekey: ${error.message}`);
    return exitCodeOf(error.code);
  }
  const code = (error as NodeJS.ErrnoException).code;
  io.err(`gatekey: unexpected failure (${(error as Error).name}${code ? ` ${code}` : ''}).`);
  return EXIT.other;
}

/** Runs one command; returns the exit code once the keychain it opened is closed. Never prints a secret. */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  let command: CommandLine;
  try {
    command = parseCommandLine(argv);
  } catch (error) {
    io.err(`gatekey: ${(error as Error).message}\n\n${USAGE}`);
    return EXIT.usage;
  }
  if (command.values.version) {
    io.out(io.version ?? 'unknown');
    return EXIT.ok;
  }
  if (command.values.help) {
    io.out(USAGE);
    return EXIT.ok;
  }
  const verb = command.positionals[0];
  if (!verb) {
    io.err(USAGE);
    return EXIT.usage;
  }
  const keychain = cliKeychain(io.env, io.secrets);
  try {
    if (verb === 'keys') return await listKeys(command, io);
    if (verb === 'sign') return await signCommand(command, io, keychain);
    throw usageError(`Unknown command "${visible(verb)}". Commands: keys, sign.`, { reason: 'cliUnknownCommand', params: { command: visible(verb) } });
  } catch (error) {
    return reportFailure(error, io);
  } finally {
    await keychain.close();
  }
}
