import { sendRequest } from '../../adapters/http/send-request';
import { createJdcloudService } from '../../core/jdcloud/service';
import { planInputOfState } from '../../core/jdcloud/state/plan-source';
import type { PlanInput } from '../../core/jdcloud/sync/plan-input';
import { jdEndpoint, jdRegion } from '../../shared/jdcloud/account';
import type { MetadataStore } from '../../storage/metadata-store';
import { EXIT } from '../exit-codes';
import { parseFields } from '../field-rules';
import { applyLines, planLines, pullLines } from '../jd-report';
import { lazySecretStore } from '../keychain';
import { usageError } from '../sign-options';
import { readStateFile } from '../state-files';
import { dataDirOf } from '../store-access';
import { withStoreToRead, withStoreToWrite } from '../writable-store';
import { subcommandOf, type CliContext } from '../context';
import { z } from 'zod';

/** --endpoint and --region, checked as the Connect form checks them. */
function overrideOf({ command, io }: CliContext) {
  const endpoint = command.values.endpoint === undefined ? undefined : parseFields(jdEndpoint, command.values.endpoint, () => '--endpoint');
  const regions = command.values.region === undefined ? undefined : parseFields(z.array(jdRegion), command.values.region, () => '--region');
  // CI: the account from the environment instead of the keychain entry. Never printed.
  const accessKeyId = io.env.GATEKEY_JDCLOUD_ACCESS_KEY || undefined;
  const secretKey = io.env.GATEKEY_JDCLOUD_SECRET_KEY || undefined;
  return { ...(accessKeyId ? { accessKeyId } : {}), ...(secretKey ? { secretKey } : {}), ...(endpoint ? { endpoint } : {}), ...(regions ? { regions: [...new Set(regions)] } : {}) };
}

function serviceFor(context: CliContext, store: MetadataStore) {
  const { io, keychain } = context;
  return createJdcloudService({
    store,
    secrets: lazySecretStore(() => keychain.store()),
    accountSecrets: lazySecretStore(() => keychain.accountStore()),
    send: io.send ?? ((outgoing) => sendRequest(outgoing)),
    dataDir: dataDirOf(io.env),
    ...(io.now ? { now: io.now } : {}),
    ...(io.sleep ? { sleep: io.sleep } : {}),
    override: overrideOf(context),
    onProgress: progressLines(io.err),
  });
}

/** An apply's progress on stderr, about ten lines however long the plan (stdout stays the report, --json included). */
function progressLines(err: (text: string) => void) {
  return ({ task, done, total, failed = 0 }: { task: string; done: number; total: number; failed?: number }) => {
    if (task !== 'jdApply' || total === 0 || done === 0) return;
    const step = Math.max(1, Math.ceil(total / 10));
    if (done % step === 0 || done === total) err(`Applied ${done} of ${total}${failed > 0 ? ` (${failed} failed)` : ''}…`);
  };
}

/** The plan's source: a state file (--state) with the folder's access keys, or the data folder itself. */
async function sourceOf({ command }: CliContext, store: MetadataStore): Promise<PlanInput | undefined> {
  const path = command.values.state;
  return path === undefined ? undefined : planInputOfState(await readStateFile(path, command.values.format), store.read().accessKeys);
}

async function pull(context: CliContext): Promise<number> {
  const { command, io } = context;
  const report = await withStoreToWrite(io.env, (store) => serviceFor(context, store).pull({ keys: command.values.keys ?? false, adoptRemote: command.values['adopt-remote'] ?? false }));
  if (command.values.json) io.out(JSON.stringify(report, null, 2));
  else for (const line of pullLines(report)) io.out(line);
  return EXIT.ok;
}

async function plan(context: CliContext): Promise<number> {
  const { command, io } = context;
  const planned = await withStoreToRead(io.env, async (store) => serviceFor(context, store).plan(await sourceOf(context, store)));
  if (command.values.json) io.out(JSON.stringify(planned, null, 2));
  else for (const line of planLines(planned)) io.out(line);
  return EXIT.ok;
}

/**
 * `jd apply`: prints the plan; with --yes applies all of it and prints what
 * happened to each item. Never asks: without --yes it changes nothing and exits 2.
 */
async function apply(context: CliContext): Promise<number> {
  const { command, io } = context;
  return withStoreToWrite(io.env, async (store) => {
    const service = serviceFor(context, store);
    const source = await sourceOf(context, store);
    const planned = await service.plan(source);
    if (!command.values.yes || planned.items.length === 0) {
      if (command.values.json) io.out(JSON.stringify(planned, null, 2));
      else for (const line of planLines(planned)) io.out(line);
      if (planned.items.length === 0) return EXIT.ok;
      throw usageError(`Nothing was sent: run again with --yes to apply these ${planned.items.length} item(s).`, { reason: 'cliNeedsYes', params: { command: 'jd apply' } });
    }
    // Ctrl-C stops between items: the running ones finish, and the report says what was applied.
    const release = io.onInterrupt?.(() => {
      if (service.cancelApply().cancelling) io.err('Cancelling: the items already sent finish, no new ones start.');
    });
    const report = await service.apply('all', source).finally(() => release?.());
    if (command.values.json) io.out(JSON.stringify(report, null, 2));
    else for (const line of applyLines(report)) io.out(line);
    const incomplete = report.cancelled || report.counts.failed > 0 || report.counts.notRun > 0;
    if (incomplete) io.err(`The plan was not fully applied: ${report.counts.failed} failed, ${report.counts.notRun} not run. Run gatekey jd apply again to retry what is left.`);
    // The gateway refusing the account part-way is the credentials' exit code, not "some items failed".
    if (report.stoppedBy) return EXIT.gatewayAuth;
    return incomplete ? EXIT.notApplied : EXIT.ok;
  });
}

/** `gatekey jd pull|plan|apply`: sync with JD Cloud API Gateway. */
export function jdCommand(context: CliContext): Promise<number> {
  const [action, ...args] = context.args;
  const run = subcommandOf({ pull, plan, apply }, action);
  if (!run || args.length > 0) throw usageError('gatekey jd pull|plan|apply', { reason: 'cliArguments', params: { usage: 'gatekey jd pull|plan|apply' } });
  return run({ ...context, args });
}
