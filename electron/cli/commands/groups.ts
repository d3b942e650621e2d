import { createApiGroupService } from '../../core/api-groups/service';
import { apiGroupFields } from '../../shared/api-groups/rules';
import type { ApiGroupSummary } from '../../shared/api-groups/types';
import { EXIT } from '../exit-codes';
import { parseFields } from '../field-rules';
import { findGroup } from '../references';
import { usageError } from '../sign-options';
import { withStoreToRead, withStoreToWrite } from '../writable-store';
import { subcommandOf, type CliContext } from '../context';

const line = (group: ApiGroupSummary) =>
  `${group.name}\t${group.id}\t${group.region}\t${group.environment}\t${group.host}\t${group.remote ? group.remote.apiGroupId : '-'}\t${group.bindingCount} bound`;

async function list({ command, io }: CliContext): Promise<number> {
  const groups = await withStoreToRead(io.env, (store) => createApiGroupService({ store }).list());
  if (command.values.json) io.out(JSON.stringify(groups, null, 2));
  else if (groups.length === 0) io.err('No API groups yet. Add one with: gatekey groups add');
  else for (const group of groups) io.out(line(group));
  return EXIT.ok;
}

async function add({ command, io }: CliContext): Promise<number> {
  const { name, region, environment, host, description } = command.values;
  const regionGiven = region?.at(-1);
  // The window's form schema: same rules, same words.
  const fields = parseFields(apiGroupFields, { name: name ?? '', description: description ?? '', region: regionGiven ?? '', environment: environment ?? '', host: host ?? '' }, (field) => `--${field}`);
  const group = await withStoreToWrite(io.env, (store) => createApiGroupService({ store, now: io.now }).create(fields));
  if (command.values.json) io.out(JSON.stringify(group, null, 2));
  else io.out(`Added the API group "${group.name}" (${group.id}).`);
  return EXIT.ok;
}

async function remove({ command, io, args }: CliContext): Promise<number> {
  if (args.length !== 1) throw usageError('Name one API group to remove: gatekey groups remove GROUP', { reason: 'cliArguments', params: { usage: 'gatekey groups remove GROUP' } });
  const result = await withStoreToWrite(io.env, async (store) => {
    const group = findGroup(store, args[0]!);
    return { ...(await createApiGroupService({ store }).delete(group.id)), name: group.name };
  });
  if (command.values.json) io.out(JSON.stringify(result, null, 2));
  else io.out(`Removed the API group "${result.name}"; ${result.unboundAuthorizations} authorization(s) were bound to it.`);
  return EXIT.ok;
}

/** `gatekey groups list|add|remove`: the API Groups screen. */
export function groupsCommand(context: CliContext): Promise<number> {
  const [action, ...args] = context.args;
  const run = subcommandOf({ list, add, remove }, action);
  if (!run) throw usageError('gatekey groups list|add|remove', { reason: 'cliArguments', params: { usage: 'gatekey groups list|add|remove' } });
  if (action === 'list' && args.length > 0) throw usageError('gatekey groups list takes no arguments.', { reason: 'cliArguments', params: { usage: 'gatekey groups list' } });
  return run({ ...context, args });
}
