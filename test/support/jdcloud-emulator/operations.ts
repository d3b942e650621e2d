import { ApiError } from './envelope';
import { type Body, deploymentIdList, jsonBody, optionalObject, optionalString, pageOf, Query, queryPairs, requiredString } from './params';
import type { Operation } from './routes';
import { AUTH_USER_TYPES, type RegionState } from './state';
import { accessAuthView, apiGroupView, bindGroupView, deploymentView, keyInfoView } from './views';

/**
 * The operations of spec section 8 over one region's state. Each returns the
 * reply's `result` (undefined for none) or throws ApiError; a handler that
 * throws has changed nothing.
 */

export interface OperationInput {
  state: RegionState;
  ids: string[];
  rawQuery: string;
  body: Buffer;
  userId: string;
}

type Handler = (input: OperationInput) => unknown;

const query = (input: OperationInput) => new Query(queryPairs(input.rawQuery));
const body = (input: OperationInput): Body => jsonBody(input.body);
const id = (input: OperationInput): string => input.ids[0]!;
const fuzzy = (value: string, wanted: string) => value.toLowerCase().includes(wanted.toLowerCase());

function authUserTypeOf(value: string): string {
  if (!(AUTH_USER_TYPES as readonly string[]).includes(value)) throw new ApiError(400, `authUserType must be one of ${AUTH_USER_TYPES.join(', ')}`);
  return value;
}

/** deploymentIds must be one comma-separated string (a JSON array is a client bug). */
function deploymentIdsField(fields: Body, required: boolean): string[] | undefined {
  const value = optionalString(fields, 'deploymentIds');
  if (value === undefined && required) throw new ApiError(400, 'deploymentIds is required');
  return value === undefined ? undefined : deploymentIdList(value);
}

const HANDLERS: Record<Operation, Handler> = {
  describeApiGroups(input) {
    const q = query(input);
    const paging = q.paging();
    const filters = q.filters(['groupName', 'description', 'groupId', 'domain', 'jdsfId']);
    const matches = [...input.state.groups.values()].filter((group) =>
      filters.every(({ name, values }) => {
        if (name === 'groupName') return values.some((v) => fuzzy(group.groupName, v));
        if (name === 'description') return values.some((v) => fuzzy(group.description, v));
        if (name === 'domain') return values.some((v) => fuzzy(group.domain, v));
        if (name === 'groupId') return values.includes(group.apiGroupId);
        return false; // jdsfId: no microservice groups here
      }),
    );
    return { apiGroups: pageOf(matches, paging).map(apiGroupView), totalCount: matches.length };
  },

  describeApiGroup: (input) => ({ apiGroup: apiGroupView(input.state.groupOrThrow(id(input))) }),

  describeDeployments(input) {
    const group = input.state.groupOrThrow(id(input));
    const filters = query(input).filters(['isApiProduct']);
    // No deployment here is an API product.
    const products = filters.some((f) => f.values.includes('1'));
    return { deployments: products ? [] : [...group.deployments.values()].map(deploymentView) };
  },

  queryAccessAuths(input) {
    const q = query(input);
    const paging = q.paging();
    const filters = q.filters(['auth_user_type', 'auth_user_id']);
    const types = filters.find((f) => f.name === 'auth_user_type')?.values;
    const callers = filters.find((f) => f.name === 'auth_user_id')?.values;
    const matches = [...input.state.auths.values()].filter(
      (auth) => (!types || types.includes(auth.authUserType)) && (!callers || callers.includes(auth.accessKey)),
    );
    return { accessAuths: pageOf(matches, paging).map((auth) => accessAuthView(input.state, auth)), totalCount: matches.length };
  },

  queryAccessAuth: (input) => ({ accessAuth: accessAuthView(input.state, input.state.authOrThrow(id(input))) }),

  createAccessAuth(input) {
    const view = optionalObject(body(input), 'accessAuthView');
    if (!view) throw new ApiError(400, 'accessAuthView is required');
    const auth = input.state.createAuth({
      authUserType: authUserTypeOf(requiredString(view, 'authUserType')),
      accessKey: requiredString(view, 'accessKey', 128),
      description: optionalString(view, 'description', 256) ?? '',
      deploymentIds: deploymentIdsField(view, false) ?? [],
    });
    return { accessAuthId: auth.accessAuthId };
  },

  updateAccessAuth(input) {
    const auth = input.state.authOrThrow(id(input));
    const view = optionalObject(body(input), 'accessAuthView');
    if (!view) throw new ApiError(400, 'accessAuthView is required');
    const authUserType = optionalString(view, 'authUserType');
    const accessKey = optionalString(view, 'accessKey', 128);
    if (accessKey === '') throw new ApiError(400, 'accessKey cannot be empty');
    input.state.updateAuth(auth, {
      ...(authUserType !== undefined ? { authUserType: authUserTypeOf(authUserType) } : {}),
      ...(accessKey !== undefined ? { accessKey } : {}),
      ...(view.description !== undefined && view.description !== null ? { description: optionalString(view, 'description', 256)! } : {}),
      ...(view.deploymentIds !== undefined && view.deploymentIds !== null ? { deploymentIds: deploymentIdsField(view, true)! } : {}),
    });
    return { accessAuthId: auth.accessAuthId };
  },

  deleteAccessAuth(input) {
    const auth = input.state.authOrThrow(id(input));
    input.state.deleteAuth(auth);
    return { accessAuthId: auth.accessAuthId };
  },

  checkAuthExist(input) {
    const fields = body(input);
    const found = input.state.findAuth(requiredString(fields, 'authUserType'), requiredString(fields, 'accessKey'));
    // The live value when nothing matches is unconfirmed; null is the emulator's choice.
    return { accessAuthId: found?.accessAuthId ?? null };
  },

  bindGroupAuth(input) {
    const auth = input.state.authOrThrow(id(input));
    const deploymentIds = deploymentIdsField(body(input), true)!;
    input.state.checkBindable(deploymentIds);
    input.state.bind(auth, deploymentIds);
    return { bindGroups: [...auth.deploymentIds].map((d) => bindGroupView(input.state, d)) };
  },

  queryBindGroupAuth(input) {
    const auth = input.state.authOrThrow(id(input));
    return { bindGroups: [...auth.deploymentIds].map((d) => bindGroupView(input.state, d)) };
  },

  queryAuthGroupList(input) {
    const authUserType = query(input).get('authUserType');
    if (!authUserType) throw new ApiError(400, 'authUserType is required');
    authUserTypeOf(authUserType);
    const bindable: string[] = [];
    for (const group of input.state.groups.values()) {
      if (group.authType !== 'jd_cloud') continue;
      for (const deployment of group.deployments.values()) bindable.push(deployment.deploymentId);
    }
    return { bindGroups: bindable.map((d) => bindGroupView(input.state, d)) };
  },

  createKey(input) {
    const fields = body(input);
    const key = input.state.createKey({ keyName: optionalString(fields, 'keyName', 32) ?? '', keyDesc: optionalString(fields, 'keyDesc', 180) ?? '' });
    // No keyId in the reply (spec 8.1): clients find it with queryKeys.
    return { accessKey: key.accessKey, secretKey: key.secretKey };
  },

  queryKeys(input) {
    const q = query(input);
    const paging = q.paging();
    const keyId = q.get('keyId');
    const matches = keyId ? [input.state.keys.get(keyId)].filter((key) => key !== undefined) : [...input.state.keys.values()];
    return { total: matches.length, data: pageOf(matches, paging).map((key) => keyInfoView(key, input.userId)) };
  },

  queryKeyInfo: (input) => ({ keyInfo: keyInfoView(input.state.keyOrThrow(id(input)), input.userId) }),

  updateKey(input) {
    const fields = body(input);
    const key = input.state.keyOrThrow(requiredString(fields, 'keyId'));
    const keyName = optionalString(fields, 'keyName', 32);
    const keyDesc = optionalString(fields, 'keyDesc', 180);
    if (keyName !== undefined) key.keyName = keyName;
    if (keyDesc !== undefined) key.keyDesc = keyDesc;
    return undefined;
  },

  resetKey(input) {
    const key = input.state.keyOrThrow(requiredString(body(input), 'keyId'));
    input.state.resetKey(key);
    return { keyInfo: keyInfoView(key, input.userId) };
  },
};

/** Read-only operations: a fault "after apply" changes nothing for them, but they still run. */
export const READS: ReadonlySet<Operation> = new Set([
  'describeApiGroups',
  'describeApiGroup',
  'describeDeployments',
  'queryAccessAuths',
  'queryAccessAuth',
  'checkAuthExist',
  'queryBindGroupAuth',
  'queryAuthGroupList',
  'queryKeys',
  'queryKeyInfo',
]);

export const runOperation = (operation: Operation, input: OperationInput): unknown => HANDLERS[operation](input);
