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

  Provider commands (they write the data folder; refused while Gatekey has it open):
  gatekey groups list [--json]
  gatekey groups add --name N --region R --environment test|preview|online
                     --host H [--description D] [--json]
  gatekey groups remove GROUP [--json]
  gatekey auth list [--json]
  gatekey auth add (--access-key-id ID | --api-key AK | --key-file FILE...)
                   [--description D] [--json]
  gatekey auth remove AUTH [--json]
  gatekey bind AUTH GROUP[:ENV]... [--json]
  gatekey unbind AUTH GROUP[:ENV]... [--json]
      AUTH is an authorization ID or the caller's Access Key ID or APIKey;
      GROUP an API group's name or ID (:ENV checks its environment).

  The state file (API groups, authorizations, bindings; never a secret):
  gatekey state export [--format yaml|json] [--out FILE]
  gatekey state import FILE [--format yaml|json] [--yes]
      Import shows what it would create or change; --yes does it.

  JD Cloud API Gateway (account from the keychain, or from the environment):
  gatekey jd pull [--keys] [--adopt-remote] [--json]
  gatekey jd plan [--state FILE] [--json]
  gatekey jd apply [--state FILE] [--yes] [--json]
      --endpoint URL and --region R (repeatable) override the account's.
      apply without --yes prints the plan, changes nothing and exits 2.

  Exports for gateways that take a plain API key (the APIKey only):
  gatekey export kong [--format yaml|json] [--out FILE]   Kong decK file
  gatekey export aws [--out FILE]                         AWS API key CSV

Exit codes: 0 done, 1 other, 2 usage or bad input (also: a name taken, a key
already authorized, apply or import without --yes), 3 unknown access key,
API group or authorization, 4 keychain unavailable or not answering, 5 data
unreadable or not writable (Gatekey's data folder or store, or the
--data-file), 6 keychain locked, 7 secret missing.
For jd commands: 6 the plan was not fully applied (the report says which items),
7 the gateway refused the account's credentials (401/403).
Environment: GATEKEY_DATA_DIR (data folder), GATEKEY_KEYCHAIN_SERVICE,
GATEKEY_JDCLOUD_ACCESS_KEY and GATEKEY_JDCLOUD_SECRET_KEY (the JD Cloud
account, for CI: they take the place of the keychain entry).`;

export const options = {
  json: { type: 'boolean' },
  key: { type: 'string' },
  'api-key': { type: 'string' },
  'secret-stdin': { type: 'boolean' },
  algorithm: { type: 'string' },
  // Repeatable for jd (several regions); sign takes the last one given.
  region: { type: 'string', multiple: true },
  service: { type: 'string' },
  date: { type: 'string' },
  nonce: { type: 'string' },
  request: { type: 'string', short: 'X' },
  header: { type: 'string', short: 'H', multiple: true },
  data: { type: 'string' },
  'data-file': { type: 'string' },
  curl: { type: 'boolean' },
  explain: { type: 'boolean' },
  name: { type: 'string' },
  environment: { type: 'string' },
  host: { type: 'string' },
  description: { type: 'string' },
  'access-key-id': { type: 'string' },
  'key-file': { type: 'string', multiple: true },
  format: { type: 'string' },
  out: { type: 'string' },
  yes: { type: 'boolean' },
  state: { type: 'string' },
  keys: { type: 'boolean' },
  'adopt-remote': { type: 'boolean' },
  endpoint: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
} as const;

export function parseCommandLine(argv: string[]) {
  return parseArgs({ args: argv, options, allowPositionals: true, strict: true });
}

export type CommandLine = ReturnType<typeof parseCommandLine>;
