import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { defaultDataDir, KEYCHAIN_SERVICE } from '../core/app-identity';
import type { AccessKeyRecord } from '../core/access-keys/types';
import { AppError } from '../core/errors';
import { signTestRequest, type SigningCredentials } from '../core/signing/request';
import { DATE_FORMAT, signingDate } from '../core/signing/signer';
import { algorithms, type Algorithm } from '../core/signing/types';
import { STORE_FILE_NAME } from '../ipc/backend';
import { MetadataStore } from '../storage/metadata-store';
import type { SecretStore } from '../storage/secret-store';
import { keytarSecretStore } from '../storage/keytar-secret-store';
import { parseCommandLine, USAGE, type CommandLine } from './args';
import { EXIT, exitCodeOf } from './exit-codes';

export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  readStdin(): Promise<string>;
  env: NodeJS.ProcessEnv;
  now?: () => Date;
  secrets?: SecretStore;
  version?: string;
}

const usageError = (message: string) => new AppError('INVALID_INPUT', message);

/** The access keys in the app's store; read only, and no folder is created when there is none. */
async function readAccessKeys(env: NodeJS.ProcessEnv): Promise<readonly AccessKeyRecord[]> {
  const dataDir = env.GATEKEY_DATA_DIR || defaultDataDir();
  if (!existsSync(join(dataDir, STORE_FILE_NAME))) return [];
  return (await MetadataStore.open(join(dataDir, STORE_FILE_NAME), { readOnly: true })).read().accessKeys;
}

async function listKeys(command: CommandLine, io: CliIo): Promise<number> {
  const keys = await readAccessKeys(io.env);
  const rows = keys.map(({ id, name, apiKey, description, createdAt }) => ({ id, name, apiKey, description, createdAt }));
  if (command.values.json) io.out(JSON.stringify(rows, null, 2));
  else if (rows.length === 0) io.err('No access keys yet. Create one in Gatekey.');
  else for (const row of rows) io.out(`${row.name}\t${row.id}\t${row.apiKey}`);
  return EXIT.ok;
}

async function credentialsFor(command: CommandLine, io: CliIo): Promise<SigningCredentials> {
  const { key, 'api-key': apiKey, 'secret-stdin': secretStdin } = command.values;
  if (key && (apiKey || secretStdin)) throw usageError('Use either --key, or --api-key with --secret-stdin, not both.');
  if (apiKey || secretStdin) {
    if (!apiKey || !secretStdin) throw usageError('--api-key needs --secret-stdin (the secret is read from standard input, never from arguments).');
    if (!/^[0-9A-Fa-f]{32}$/.test(apiKey.trim())) throw usageError('An APIKey is 32 hex characters.');
    const secret = (await io.readStdin()).trim();
    if (!secret) throw usageError('No secret on standard input.');
    return { apiKey: apiKey.trim().toUpperCase(), secret };
  }
  if (!key) throw usageError('Name the access key with --key NAME|ID, or use --api-key AK --secret-stdin.');
  const keys = await readAccessKeys(io.env);
  const found = keys.find((k) => k.id === key.toLowerCase()) ?? keys.find((k) => k.name.toLowerCase() === key.toLowerCase());
  if (!found) throw new AppError('NOT_FOUND', `No access key named or with the ID "${key}". List them with: gatekey keys`);
  const secrets = io.secrets ?? keytarSecretStore(io.env.GATEKEY_KEYCHAIN_SERVICE || KEYCHAIN_SERVICE);
  const secret = await secrets.get(found.id);
  if (secret === null) throw new AppError('SECRET_MISSING', `The APISecret of "${found.name}" is not in the OS keychain.`);
  return { apiKey: found.apiKey, secret };
}

function parseHeader(line: string): [string, string] {
  const at = line.indexOf(':');
  if (at <= 0) throw usageError(`-H "${line}" is not "Name: value".`);
  return [line.slice(0, at).trim(), line.slice(at + 1).trim()];
}

async function signCommand(command: CommandLine, io: CliIo): Promise<number> {
  const [url, ...extra] = command.positionals.slice(1);
  if (!url || extra.length > 0) throw usageError('Give exactly one URL to sign.');
  const { values } = command;
  if (values.data !== undefined && values['data-file'] !== undefined) throw usageError('Use --data or --data-file, not both.');
  const algorithm = (values.algorithm ?? 'JDCLOUD2').toUpperCase();
  if (!(algorithms as readonly string[]).includes(algorithm)) throw usageError('--algorithm is JDCLOUD2 or JDCLOUD3.');
  if (values.date !== undefined && !DATE_FORMAT.test(values.date)) throw usageError('--date must be YYYYMMDDTHHMMSSZ (UTC), such as 20261129T101010Z.');
  const body = values['data-file'] !== undefined ? await readFile(values['data-file'], 'utf8') : (values.data ?? '');
  const method = values.request ?? (body === '' ? 'GET' : 'POST');

  const credentials = await credentialsFor(command, io);
  const signed = signTestRequest({ method, url, headers: (values.header ?? []).map(parseHeader), body }, credentials, {
    algorithm: algorithm as Algorithm,
    region: values.region,
    service: values.service,
    date: values.date ?? signingDate((io.now ?? (() => new Date()))()),
    nonce: values.nonce ?? randomUUID(),
  });
  if (values.explain) io.err(`Canonical request:\n${signed.canonicalRequest}\n\nString to sign:\n${signed.stringToSign}\n`);
  if (values.curl) io.out(signed.curl);
  else for (const [name, value] of signed.headersToAdd) io.out(`${name}: ${value}`);
  return EXIT.ok;
}

/** Runs one command; returns the exit code. Never prints a secret. */
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
  try {
    if (verb === 'keys') return await listKeys(command, io);
    if (verb === 'sign') return await signCommand(command, io);
    throw usageError(`Unknown command "${verb}". Commands: keys, sign.`);
  } catch (error) {
    if (error instanceof AppError) {
      io.err(`gatekey: ${error.message}`);
      return exitCodeOf(error.code);
    }
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      io.err(`gatekey: ${(error as Error).message}`);
      return EXIT.usage;
    }
    io.err(`gatekey: unexpected failure (${(error as Error).name}).`);
    return EXIT.other;
  }
}
