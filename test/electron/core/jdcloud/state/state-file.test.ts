import { describe, expect, it } from 'vitest';
import { stateOf } from '../../../../../electron/core/jdcloud/state/export-state';
import { applyImport, previewImport } from '../../../../../electron/core/jdcloud/state/import-state';
import { planInputOfState } from '../../../../../electron/core/jdcloud/state/plan-source';
import { parseStateText, stateText } from '../../../../../electron/core/jdcloud/state/state-text';
import { unusedId } from '../../../../../electron/core/ids';
import { emptyStore, storeFileV3 } from '../../../../../electron/shared/store/schema';
import { APIKEY_A, sampleStore } from './fixtures';

const importInto = (data = emptyStore(), state = stateOf(sampleStore())) => {
  const preview = previewImport(data, state);
  expect(preview.conflicts).toEqual([]);
  applyImport(data, preview.changes, { now: '2027-01-01T00:00:00.000Z', newId: (taken) => unusedId(taken) });
  return data;
};

describe('the state file', () => {
  it('is sorted, holds no local IDs or times, and reads back as itself (YAML and JSON)', () => {
    const state = stateOf(sampleStore());
    expect(state.apiGroups.map((g) => g.name)).toEqual(['orders', 'users']);
    expect(state.authorizations.map((a) => a.callerKey)).toEqual(['000000000007', '0000000000ff', APIKEY_A]);
    expect(state.authorizations[2]!.bindings).toEqual([
      { name: 'orders', region: 'cn-north-1', environment: 'online' },
      { name: 'users', region: 'cn-north-1', environment: 'test' },
    ]);
    for (const format of ['yaml', 'json'] as const) {
      const text = stateText(state, format);
      expect(text).not.toMatch(/grp0000|auth0000|createdAt|boundAt/);
      expect(parseStateText(text, format, 'f')).toEqual(state);
      expect(stateText(parseStateText(text, format, 'f'), format)).toBe(text);
    }
    expect(stateText(state, 'yaml')).toMatch(/^format: gatekey-state\nversion: 1\napiGroups:\n/);
  });

  it('does not depend on the order of the records: the same state gives the same bytes', () => {
    const shuffled = sampleStore();
    shuffled.apiGroups.reverse();
    shuffled.authorizations.reverse();
    shuffled.bindings.reverse();
    expect(stateText(stateOf(shuffled), 'yaml')).toBe(stateText(stateOf(sampleStore()), 'yaml'));
  });

  it('round-trips through an empty data folder byte for byte, and the folder is a valid store', () => {
    const imported = importInto();
    expect(storeFileV3.safeParse(imported).success).toBe(true);
    expect(stateText(stateOf(imported), 'yaml')).toBe(stateText(stateOf(sampleStore()), 'yaml'));
    // Importing the same file again changes nothing.
    expect(previewImport(imported, stateOf(sampleStore()))).toEqual({ changes: [], conflicts: [] });
  });

  it.each([
    ['not YAML', 'format: [', /is not YAML/],
    ['another format', 'format: other\nversion: 1\napiGroups: []\nauthorizations: []\ndeletedAuthorizations: []\n', /format/],
    ['a newer version', 'format: gatekey-state\nversion: 2\napiGroups: []\nauthorizations: []\ndeletedAuthorizations: []\n', /version: is 1/],
    ['an extra field', 'format: gatekey-state\nversion: 1\napiGroups: []\nauthorizations: []\ndeletedAuthorizations: []\nsecret: x\n', /secret/],
    ['anchors and aliases', 'format: gatekey-state\nversion: 1\napiGroups: &a []\nauthorizations: []\ndeletedAuthorizations: *a\n', /anchors and aliases/],
    ['a duplicate key', 'format: gatekey-state\nformat: gatekey-state\nversion: 1\n', /not YAML.*duplicated/],
  ])('refuses %s, naming the file', (_label, text, message) => {
    expect(() => parseStateText(text, 'yaml', 'state.yaml')).toThrow(message);
    expect(() => parseStateText(text, 'yaml', 'state.yaml')).toThrow(/^The state file state\.yaml was refused: /);
  });

  it('refuses what the store refuses: a group named twice, a key authorized twice, a binding to no group of the file', () => {
    const state = stateOf(sampleStore());
    const twiceGroup = { ...state, apiGroups: [...state.apiGroups, { ...state.apiGroups[0]!, name: 'ORDERS' }] };
    expect(() => parseStateText(JSON.stringify(twiceGroup), 'json', 'f')).toThrow(/names the API group "ORDERS" \(cn-north-1, online\) twice/);
    // The same name in another environment is another group (pull makes one record per environment).
    const perEnvironment = { ...state, apiGroups: [...state.apiGroups, { ...state.apiGroups[0]!, environment: 'test' as const, remote: undefined }] };
    expect(parseStateText(JSON.stringify(perEnvironment), 'json', 'f').apiGroups).toHaveLength(3);
    const twiceKey = { ...state, authorizations: [...state.authorizations, { ...state.authorizations[2]!, accessKeyId: undefined }] };
    expect(() => parseStateText(JSON.stringify(twiceKey), 'json', 'f')).toThrow(/authorizes the access key .* twice/);
    const dangling = structuredClone(state);
    dangling.authorizations[0]!.bindings.push({ name: 'orders', region: 'cn-north-1', environment: 'test' });
    expect(() => parseStateText(JSON.stringify(dangling), 'json', 'f')).toThrow(/names no API group of the file \("orders" in cn-north-1, test\)/);
    expect(() => parseStateText('{"format":"gatekey-state","format":"x"}', 'json', 'f')).toThrow(/names the field "format" twice/);
    expect(() => parseStateText('['.repeat(100), 'json', 'f')).toThrow(/nested 100 levels deep/);
  });
});

describe('importing a state file into a folder that has records', () => {
  it('links, describes and binds what exists, creates what does not, and never removes', () => {
    const data = emptyStore();
    const at = '2026-01-01T00:00:00.000Z';
    data.apiGroups.push({ id: 'here00000001', name: 'Orders', description: '', region: 'cn-north-1', environment: 'online', host: 'o1.cn-north-1.jdcloud-api.net', createdAt: at, updatedAt: at });
    data.authorizations.push({ id: 'here00000002', callerKey: APIKEY_A, callerKeyKind: 'apiKey', callerType: 'apiCaller', description: 'old words', createdAt: at, updatedAt: at });
    data.bindings.push({ authorizationId: 'here00000002', groupId: 'here00000001', boundAt: at });
    const preview = previewImport(data, stateOf(sampleStore()));
    expect(preview.conflicts).toEqual([]);
    expect(preview.changes.map((c) => c.kind).sort()).toEqual(['addDeleted', 'createAuthorization', 'createAuthorization', 'createGroup', 'updateAuthorization', 'updateGroup']);
    expect(preview.changes.find((c) => c.kind === 'updateAuthorization')).toEqual({
      kind: 'updateAuthorization',
      id: 'here00000002',
      callerKey: APIKEY_A,
      description: 'Partner, Inc.',
      addRemote: [{ region: 'cn-north-1', accessAuthId: 'aa-1' }],
      bind: [{ name: 'users', region: 'cn-north-1', environment: 'test' }],
    });
    importInto(data);
    expect(data.apiGroups[0]).toMatchObject({ id: 'here00000001', name: 'Orders', remote: { apiGroupId: 'ag-orders', deploymentId: 'dp-online' } });
    expect(data.bindings.filter((b) => b.authorizationId === 'here00000002')).toHaveLength(2);
  });

  it('refuses a different remote link, and a link another record holds; a name in another environment is another group', () => {
    const data = emptyStore();
    const at = '2026-01-01T00:00:00.000Z';
    data.apiGroups.push(
      { id: 'here00000001', name: 'orders', description: '', region: 'cn-north-1', environment: 'test', host: 'o1.cn-north-1.jdcloud-api.net', createdAt: at, updatedAt: at },
      { id: 'here00000003', name: 'legacy', description: '', region: 'cn-north-1', environment: 'online', host: 'l.cn-north-1.jdcloud-api.net', createdAt: at, updatedAt: at, remote: { apiGroupId: 'ag-orders', deploymentId: 'dp-online' } },
    );
    data.authorizations.push({ id: 'here00000002', callerKey: APIKEY_A, callerKeyKind: 'apiKey', callerType: 'apiCaller', description: 'Partner, Inc.', createdAt: at, updatedAt: at, remote: [{ region: 'cn-north-1', accessAuthId: 'other' }] });
    expect(previewImport(data, stateOf(sampleStore())).conflicts).toEqual([
      'The API group "orders" (cn-north-1, online) is linked in the file to ag-orders/dp-online, which "legacy" (cn-north-1, online) is linked to here.',
      `The access key ${APIKEY_A} is linked here in cn-north-1 to the remote authorization other and in the file to aa-1.`,
    ]);
  });
});

describe('a state file as the source of a plan', () => {
  it('gives records with stable IDs, the folder access keys, and the bindings by group', () => {
    const input = planInputOfState(stateOf(sampleStore()), sampleStore().accessKeys);
    const again = planInputOfState(stateOf(sampleStore()), []);
    expect(input.apiGroups.map((g) => g.id)).toEqual(again.apiGroups.map((g) => g.id));
    expect(input.accessKeys).toEqual([{ id: '000000000007', apiKey: '00000000000000000000000000000007' }]);
    const partner = input.authorizations.find((a) => a.callerKey === APIKEY_A)!;
    expect(partner).toMatchObject({ accessKeyId: 'aaaaaaaaaaaa', remote: [{ region: 'cn-north-1', accessAuthId: 'aa-1' }] });
    const bound = input.bindings.filter((b) => b.authorizationId === partner.id).map((b) => input.apiGroups.find((g) => g.id === b.groupId)!.name);
    expect(bound).toEqual(['orders', 'users']);
    expect(input.deletedAuthorizations).toHaveLength(1);
  });
});
