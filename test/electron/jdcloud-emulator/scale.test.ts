import { afterAll, beforeAll, expect, it } from 'vitest';
import { type JdcloudEmulator, startEmulator } from '../../support/jdcloud-emulator';
import { call } from './sign';

/**
 * The bench applies 1,000 authorizations x 3 deployments against the emulator:
 * state is indexed, so a thousand creates with bindings and full listings stay
 * quick (no time limit asserted: the machine may be busy; vitest's 60 s guards a hang).
 */
const R = 'cn-north-1';
let emulator: JdcloudEmulator;
beforeAll(async () => {
  emulator = await startEmulator();
});
afterAll(() => emulator.close());

it('takes 1,000 authorizations bound to 3 deployments each and lists them page by page', async () => {
  const groups = [0, 1, 2].map((i) => emulator.addApiGroup(R, { groupName: `g${i}`, publish: ['online'] }));
  const deploymentIds = groups.map((g) => g.deployments[0]!.deploymentId);
  const keys = Array.from({ length: 1000 }, (_, i) => `KEY${String(i).padStart(4, '0')}`);
  for (let start = 0; start < keys.length; start += 20) {
    const batch = keys.slice(start, start + 20);
    const answers = await Promise.all(
      batch.map((accessKey) =>
        call(emulator, { method: 'POST', path: `/v1/regions/${R}/accessAuths`, body: { accessAuthView: { authUserType: 'jd_apikms', accessKey, deploymentIds: deploymentIds.join(',') } } }),
      ),
    );
    expect(answers.map((a) => (a.dropped ? a.error : a.status))).toEqual(batch.map(() => 200));
  }
  expect(emulator.count('createAccessAuth', { applied: true })).toBe(1000);

  const seen = new Set<string>();
  for (let page = 1; page <= 10; page += 1) {
    const answer = await call(emulator, { method: 'GET', path: `/v1/regions/${R}/accessAuths`, query: { pageNumber: page, pageSize: 100 } });
    const result = (answer.dropped ? {} : answer.json.result) as { totalCount: number; accessAuths: Array<{ accessKey: string; bindGroups: string }> };
    expect(result.totalCount).toBe(1000);
    for (const auth of result.accessAuths) {
      seen.add(auth.accessKey);
      expect(auth.bindGroups).toBe('g0,g1,g2');
    }
  }
  expect(seen.size).toBe(1000);
  expect(emulator.snapshot(R).authorizations.every((a) => a.deploymentIds.length === 3)).toBe(true);
});
