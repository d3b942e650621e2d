import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { it } from 'vitest';
import { sendRequest } from '../../electron/adapters/http/send-request';
import { createJdcloudService, DEFAULT_CONCURRENCY } from '../../electron/core/jdcloud/service';
import { sign, signingDate } from '../../electron/core/signing/signer';
import { STORE_FILE_NAME } from '../../electron/ipc/backend';
import { MetadataStore } from '../../electron/storage/metadata-store';
import { keytarSecretStore } from '../../electron/storage/keytar-secret-store';
import { startEmulator, type JdcloudEmulator } from '../support/jdcloud-emulator';
import { testKeychainService } from '../support/test-backend';
import { report, RUNS, stats } from './measure';

// Figures, not pass/fail: applying a plan of AUTHORIZATIONS new authorizations, each bound to
// DEPLOYMENTS deployments, against the local emulator, beside the emulator's own floor: the same
// number of bare signed requests (the app's signer + sendRequest, no plan, no store) at the same
// concurrency. Runs are interleaved (apply, floor, apply, floor...), the first (cold) pair kept
// apart, and the spread is shown.
const AUTHORIZATIONS = Number(process.env.BENCH_JD_AUTHORIZATIONS ?? 1000);
const DEPLOYMENTS = 3;
const CONCURRENCY = Number(process.env.BENCH_JD_CONCURRENCY ?? DEFAULT_CONCURRENCY);
const REGION = 'cn-north-1';

const hexUpper = (bytes: number) => randomBytes(bytes).toString('hex').toUpperCase();
const lowerId = () => randomBytes(6).toString('hex');

async function preparedApply(emulator: JdcloudEmulator) {
  const dir = await mkdtemp(join(tmpdir(), 'gatekey-bench-jd-'));
  const store = await MetadataStore.open(join(dir, STORE_FILE_NAME));
  const service = testKeychainService();
  const secrets = keytarSecretStore(service);
  const accountSecrets = keytarSecretStore(`${service} JD Cloud account`);
  const jd = createJdcloudService({
    store,
    secrets,
    accountSecrets,
    send: (outgoing) => sendRequest(outgoing),
    dataDir: dir,
    concurrency: CONCURRENCY,
    override: { accessKeyId: emulator.account.accessKey, secretKey: emulator.account.secretKey, endpoint: emulator.endpoint, regions: [REGION] },
  });
  for (let g = 0; g < DEPLOYMENTS; g += 1) emulator.addApiGroup(REGION, { groupName: `bench${g}`, publish: ['online'] });
  await jd.pull();
  const groupIds = store.read().apiGroups.map((group) => group.id);
  const at = new Date().toISOString();
  await store.update((draft) => {
    for (let n = 0; n < AUTHORIZATIONS; n += 1) {
      const id = lowerId();
      draft.authorizations.push({ id, callerKey: hexUpper(16), callerKeyKind: 'apiKey', callerType: 'apiCaller', description: `bench ${n}`, createdAt: at, updatedAt: at });
      for (const groupId of groupIds) draft.bindings.push({ authorizationId: id, groupId, boundAt: at });
    }
  });
  return {
    jd,
    async cleanup() {
      await store.close();
      await secrets.close();
      await accountSecrets.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** The floor: `count` bare signed GETs of one deployment list, `concurrency` at a time. */
async function bareSignedLoop(emulator: JdcloudEmulator, apiGroupId: string, count: number, concurrency: number): Promise<void> {
  const url = new URL(`${emulator.endpoint}/v1/regions/${REGION}/apiGroups/${apiGroupId}/deployments`);
  let next = 0;
  const worker = async () => {
    while (next < count) {
      next += 1;
      const headers: Array<[string, string]> = [
        ['host', url.host],
        ['content-type', 'application/json'],
      ];
      const signed = sign({
        algorithm: 'JDCLOUD2',
        method: 'GET',
        path: url.pathname,
        query: [],
        headers,
        body: '',
        apiKey: emulator.account.accessKey,
        secret: emulator.account.secretKey,
        region: REGION,
        service: 'apigateway',
        date: signingDate(new Date()),
        nonce: randomUUID(),
      });
      const reply = await sendRequest({ method: 'GET', url: url.href, headers: [...headers, ...signed.headersToAdd], body: '' });
      if (reply.status !== 200) throw new Error(`floor request answered ${reply.status}`);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
}

it(`JD Cloud apply of ${AUTHORIZATIONS} authorizations × ${DEPLOYMENTS} deployments against the emulator`, async () => {
  const applyMs: number[] = [];
  const floorMs: number[] = [];
  const requestCounts: number[] = [];
  for (let run = 0; run <= RUNS; run += 1) {
    const emulator = await startEmulator({ regions: [REGION] });
    try {
      const prepared = await preparedApply(emulator);
      const before = emulator.requests.length;
      const started = performance.now();
      const result = await prepared.jd.apply('all');
      applyMs.push(performance.now() - started);
      const requests = emulator.requests.length - before;
      requestCounts.push(requests);
      if (result.counts.applied !== AUTHORIZATIONS) throw new Error(`apply applied ${result.counts.applied} of ${AUTHORIZATIONS} items`);
      await prepared.cleanup();

      const group = emulator.snapshot(REGION).groups[0]!;
      const floorStarted = performance.now();
      await bareSignedLoop(emulator, group.apiGroupId, requests, CONCURRENCY);
      floorMs.push(performance.now() - floorStarted);
    } finally {
      await emulator.close();
    }
  }
  const requests = stats(requestCounts).median;
  const apply = { cold: applyMs[0]!, runs: applyMs.slice(1) };
  const floor = { cold: floorMs[0]!, runs: floorMs.slice(1) };
  await report(
    'JD Cloud apply (emulator on 127.0.0.1)',
    [{ scale: `${AUTHORIZATIONS}`, what: `apply, ${DEPLOYMENTS} deployments each, concurrency ${CONCURRENCY}`, figure: apply, floorWhat: `${requests} bare signed requests, conc. ${CONCURRENCY}`, floor }],
    {
      'requests per apply (plan reads + writes)': requestCounts.join(', '),
      'apply requests per second (median)': ((requests / stats(apply.runs).median) * 1000).toFixed(0),
      'floor requests per second (median)': ((requests / stats(floor.runs).median) * 1000).toFixed(0),
    },
  );
}, 1_800_000);
