import { parseArgs } from 'node:util';

export const USAGE = `Usage:
  gatekey keys [--json]
      List the access keys in Gatekey's store (never their secrets).
  gatekey sign [--key NAME|ID | --api-key AK --secret-stdin]
               [--algorithm JDCLOUD2|JDCLOUD3] [--region R] [--service S]
               [--date YYYYMMDDTHHMMSSZ] [--nonce N] [-X METHOD]
               [-H 'Name: value']... [--data BODY | --data-file FILE]
               [--curl] [--explain] URL
      Print the headers that sign this request, one "Name: value" a line;
      --curl prints a complete curl command instead; --explain also prints the
      canonical request and the string to sign on stderr.

Exit codes: 0 done, 1 other, 2 usage or bad input, 3 unknown access key,
4 keychain unavailable or not answering, 5 data unreadable (Gatekey's data
folder or store, or the --data-file), 6 keychain locked, 7 secret missing.
Environment: GATEKEY_DATA_DIR (data folder), GATEKEY_KEYCHAIN_SERVICE.`;

export const options = {
  json: { type: 'boolean' },
  key: { type: 'string' },
  'api-key': { type: 'string' },
  'secret-stdin': { type: 'boolean' },
  algorithm: { type: 'string' },
  region: { type: 'string' },
  service: { type: 'string' },
  date: { type: 'string' },
  nonce: { type: 'string' },
  request: { type: 'string', short: 'X' },
  header: { type: 'string', short: 'H', multiple: true },
  data: { type: 'string' },
  'data-file': { type: 'string' },
  curl: { type: 'boolean' },
  explain: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
} as const;

export function parseCommandLine(argv: string[]) {
  return parseArgs({ args: argv, options, allowPositionals: true, strict: true });
}

export type CommandLine = ReturnType<typeof parseCommandLine>;
