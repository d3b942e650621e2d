import { createAuthorizationService } from '../../core/authorizations/service';
import { EXIT } from '../exit-codes';
import { findAuthorization, findGroup } from '../references';
import { usageError } from '../sign-options';
import { withStoreToWrite } from '../writable-store';
import type { CliContext } from '../context';

/**
 * `gatekey bind|unbind AUTH GROUP[:ENV]…`: the Bind screen's Available/Bound
 * lists, as one change (every name is found before anything is saved).
 */
export async function bindCommand({ command, io, args }: CliContext, mode: 'bind' | 'unbind'): Promise<number> {
  const [named, ...groupNames] = args;
  if (!named || groupNames.length === 0) throw usageError(`gatekey ${mode} AUTH GROUP[:ENV]…`, { reason: 'cliArguments', params: { usage: `gatekey ${mode} AUTH GROUP[:ENV]…` } });
  const { summary, unchanged } = await withStoreToWrite(io.env, async (store) => {
    const authorization = findAuthorization(store, named);
    const groups = groupNames.map((name) => findGroup(store, name));
    const bound = new Set((store.index('bindingsByAuthorization').get(authorization.id) ?? []).map((binding) => binding.groupId));
    const unchanged = groups.filter((group) => bound.has(group.id) === (mode === 'bind')).map((group) => group.name);
    for (const group of groups) {
      if (mode === 'bind') bound.add(group.id);
      else bound.delete(group.id);
    }
    return { summary: await createAuthorizationService({ store, now: io.now }).setBindings(authorization.id, [...bound]), unchanged };
  });
  if (command.values.json) io.out(JSON.stringify(summary, null, 2));
  else {
    for (const name of unchanged) io.err(`"${name}" was ${mode === 'bind' ? 'already' : 'not'} bound.`);
    io.out(`${summary.callerKey} is bound to ${summary.boundGroups.length === 0 ? 'no API group' : summary.boundGroups.map((g) => `${g.name}:${g.environment}`).join(', ')}.`);
  }
  return EXIT.ok;
}
