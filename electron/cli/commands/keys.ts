import { EXIT } from '../exit-codes';
import { readAccessKeys } from '../store-access';
import type { CliContext } from '../context';

/** `gatekey keys`: the access keys, never their secrets. */
export async function keysCommand({ command, io }: CliContext): Promise<number> {
  const keys = await readAccessKeys(io.env);
  // --json prints each record whole (a record never holds a secret), so a new field shows up here by itself.
  const rows = keys.map(({ updatedAt: _updatedAt, ...row }) => row);
  if (command.values.json) io.out(JSON.stringify(rows, null, 2));
  else if (rows.length === 0) io.err('No access keys yet. Create one in Gatekey.');
  else for (const row of rows) io.out(`${row.name}\t${row.id}\t${row.apiKey}`);
  return EXIT.ok;
}
