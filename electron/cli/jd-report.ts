import type { ApplyReport, DeploymentRef, Plan, PlanItem, PullReport } from '../shared/jdcloud/types';

const refs = (list: readonly DeploymentRef[]) => list.map((ref) => `${ref.groupName}:${ref.environment}`).join(', ');

const actionWords: Record<PlanItem['action'], string> = {
  createAuthorization: 'create',
  updateDescription: 'describe',
  setBindings: 'bind',
  deleteAuthorization: 'delete',
};

/** One plan item on one line: what, where, for which caller, and the bindings it changes. */
export function planItemLine(item: PlanItem): string {
  const parts = [`${actionWords[item.action].padEnd(8)} ${item.region}  ${item.apiKey}`];
  if (item.description) parts.push(item.description.from === undefined ? `"${item.description.to}"` : `"${item.description.from}" -> "${item.description.to}"`);
  if (item.bind.length > 0) parts.push(`+ ${refs(item.bind)}`);
  if (item.unbind.length > 0) parts.push(`- ${refs(item.unbind)}`);
  return `  ${parts.join('  ')}  [${item.id}]`;
}

/** The plan as the window's review lists it: the items, the counts, and what cannot be applied and why. */
export function planLines(plan: Plan): string[] {
  const lines = [`Plan for ${plan.endpoint}, region(s) ${plan.regions.join(', ')}:`];
  if (plan.items.length === 0) lines.push('  Nothing to change: the gateway already matches.');
  for (const item of plan.items) lines.push(planItemLine(item));
  const { createAuthorization, updateDescription, setBindings, deleteAuthorization } = plan.counts;
  lines.push(`${createAuthorization} to create, ${updateDescription} to describe, ${setBindings} to bind, ${deleteAuthorization} to delete.`);
  for (const item of plan.unapplicable) lines.push(`Cannot apply: ${item.message}`);
  for (const remote of plan.remoteOnly) lines.push(`Only in the gateway (left alone): ${remote.accessKey} in ${remote.region} (${remote.accessAuthId})${remote.description ? ` "${remote.description}"` : ''}`);
  return lines;
}

/** The apply's per-item report: every item with its outcome, failures with their reason and request IDs. */
export function applyLines(report: ApplyReport): string[] {
  const items = new Map(report.items.map((item) => [item.id, item]));
  const lines = report.results.map((result) => {
    const item = items.get(result.itemId);
    const head = `${result.outcome.padEnd(11)} ${item ? planItemLine(item).trim() : result.itemId}`;
    const ids = result.requestIds.length > 0 ? ` (requestId ${result.requestIds.join(', ')})` : '';
    return result.error ? `${head}\n    ${result.error.message}${ids}` : head;
  });
  const { applied, alreadyDone, failed, notRun } = report.counts;
  lines.push(`${applied} applied, ${alreadyDone} already done, ${failed} failed, ${notRun} not run${report.stoppedBy ? ' (stopped: the gateway refused the account)' : report.cancelled ? ' (cancelled)' : ''}; ${report.concurrency} at a time.`);
  if (report.stoppedBy) lines.push(report.stoppedBy.message);
  return lines;
}

export function pullLines(report: PullReport): string[] {
  const { groups, authorizations, keys } = report;
  const lines = [
    `Pulled ${report.regions.join(', ')}.`,
    `API groups: ${groups.linked} linked, ${groups.created} added, ${groups.unpublished} not published.`,
    `Authorizations: ${authorizations.linked} linked, ${authorizations.adopted} adopted, ${authorizations.remoteOnly} only in the gateway, ${authorizations.localOnly} only here.`,
  ];
  if (keys) {
    lines.push(`Signature keys: ${keys.linked} linked, ${keys.created} added, ${keys.secretsStored} secrets stored in the keychain.`);
    for (const { keyId, remoteName, localName } of keys.renamed ?? []) lines.push(`  ${keyId} "${remoteName}" is kept here as "${localName}" (local name rules).`);
    for (const { keyId, keyName } of keys.skipped ?? []) lines.push(`  ${keyId} "${keyName}" left in JD Cloud only: its APIKey is not 32 hex characters.`);
    for (const { id, name, keyId } of keys.resetInJdCloud ?? []) {
      lines.push(`  ${name} (${id}) was reset in JD Cloud (key ${keyId}): its APIKey and APISecret here no longer work there; nothing here was changed.`);
    }
  }
  return lines;
}
