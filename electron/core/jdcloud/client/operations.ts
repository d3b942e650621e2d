import type { z } from 'zod';
import { AUTH_USER_TYPE } from '../../../shared/jdcloud/account';
import type { AccessAuthView, GatewayApi, Replied } from '../gateway-api';
import { callGateway, malformedFor, type CallContext } from './call';
import { deploymentIdList, operationPath as at } from './encode';
import { allPages } from './paging';
import type { OperationRequest } from './request';
import * as results from './results';

/** One operation, its result checked against the documented shape. */
async function run<S extends z.ZodType>(context: CallContext, request: OperationRequest, shape: S): Promise<Replied<z.output<S>>> {
  const answered = await callGateway(context, request);
  const parsed = shape.safeParse(answered.result);
  // The parse error is not kept: it could quote a value of the reply, and replies can hold APISecrets.
  if (!parsed.success) throw malformedFor(request, answered.status, answered.requestId);
  return { requestId: answered.requestId, result: parsed.data };
}

/** Gatekey keeps APIKeys upper-case; only the signature-key type's `accessKey` is an APIKey. */
const normalisedKey = (authUserType: string, accessKey: string): string => (authUserType === AUTH_USER_TYPE ? accessKey.toUpperCase() : accessKey);

/** The operations of GatewayApi over HTTP (paths and bodies: spec section 8). */
export function gatewayOperations(context: CallContext): GatewayApi {
  return {
    // --- API groups and deployments ---
    describeApiGroups: (region) =>
      allPages(async (pageNumber, pageSize) => {
        const page = await run(context, { operation: 'describeApiGroups', kind: 'read', method: 'GET', region, path: at(region, 'apiGroups'), query: { pageNumber, pageSize } }, results.apiGroupsPage);
        return { requestId: page.requestId, items: page.result.apiGroups.map((group) => ({ ...group, regionId: group.regionId || region })), total: page.result.totalCount };
      }),

    describeDeployments: async (region, apiGroupId) => {
      const replied = await run(
        context,
        { operation: 'describeDeployments', kind: 'read', method: 'GET', region, path: at(region, 'apiGroups', apiGroupId, 'deployments') },
        results.deploymentsResult,
      );
      const deployments = replied.result.deployments.flatMap(({ deploymentId, environment, revision }) =>
        results.isKnownEnvironment(environment) ? [{ deploymentId, environment, revision }] : [],
      );
      return { requestId: replied.requestId, result: deployments };
    },

    // --- Access authorizations ---
    queryAccessAuths: (region) =>
      allPages(async (pageNumber, pageSize) => {
        const page = await run(context, { operation: 'queryAccessAuths', kind: 'read', method: 'GET', region, path: at(region, 'accessAuths'), query: { pageNumber, pageSize } }, results.accessAuthsPage);
        const items = page.result.accessAuths.map((auth) => ({ ...auth, accessKey: normalisedKey(auth.authUserType, auth.accessKey) }));
        return { requestId: page.requestId, items, total: page.result.totalCount };
      }),

    queryBindGroupAuth: async (region, accessAuthId) => {
      const replied = await run(
        context,
        { operation: 'queryBindGroupAuth', kind: 'read', method: 'GET', region, path: at(region, 'accessAuths', `${accessAuthId}:bindGroup`) },
        results.bindGroupsResult,
      );
      return { requestId: replied.requestId, result: replied.result.bindGroups.map((group) => group.deploymentId) };
    },

    createAccessAuth: (region, view: AccessAuthView) => {
      const accessAuthView: Record<string, string> = { authUserType: view.authUserType, accessKey: normalisedKey(view.authUserType, view.accessKey) };
      if (view.description !== undefined) accessAuthView.description = view.description;
      if (view.deploymentIds !== undefined && view.deploymentIds.length > 0) accessAuthView.deploymentIds = deploymentIdList(view.deploymentIds);
      return run(context, { operation: 'createAccessAuth', kind: 'write', method: 'POST', region, path: at(region, 'accessAuths'), body: { accessAuthView } }, results.accessAuthIdResult);
    },

    updateAccessAuth: (region, accessAuthId, change) =>
      run(
        context,
        // Only what changes: whether PATCH leaves omitted fields alone is unconfirmed, and bindings go through bindGroupAuth.
        { operation: 'updateAccessAuth', kind: 'write', method: 'PATCH', region, path: at(region, 'accessAuths', accessAuthId), body: { accessAuthView: { description: change.description } } },
        results.accessAuthIdResult,
      ),

    bindGroupAuth: async (region, accessAuthId, deploymentIds) => {
      const replied = await run(
        context,
        { operation: 'bindGroupAuth', kind: 'write', method: 'POST', region, path: at(region, 'accessAuths', `${accessAuthId}:bindGroup`), body: { deploymentIds: deploymentIdList(deploymentIds) } },
        results.bindGroupsResult,
      );
      return { requestId: replied.requestId, result: replied.result.bindGroups.map((group) => group.deploymentId) };
    },

    deleteAccessAuth: (region, accessAuthId) =>
      run(context, { operation: 'deleteAccessAuth', kind: 'write', method: 'DELETE', region, path: at(region, 'accessAuths', accessAuthId) }, results.accessAuthIdResult),

    // A POST, but only a question: safe to repeat like any read.
    checkAuthExist: (region, authUserType, accessKey) =>
      run(
        context,
        {
          operation: 'checkAuthExist',
          kind: 'read',
          method: 'POST',
          region,
          path: at(region, 'accessAuths:checkAccessKeyExist'),
          body: { accessKey: normalisedKey(authUserType, accessKey), authUserType },
        },
        results.existingAuthResult,
      ),

    // --- Signature keys ---
    queryKeys: (region, filter) =>
      allPages(async (pageNumber, pageSize) => {
        const page = await run(
          context,
          { operation: 'queryKeys', kind: 'read', method: 'GET', region, path: at(region, 'kms'), query: { pageNumber, pageSize, keyId: filter?.keyId } },
          results.keysPage,
        );
        return { requestId: page.requestId, items: page.result.data, total: page.result.total };
      }),

    createKey: (region, fields) =>
      run(context, { operation: 'createKey', kind: 'write', method: 'POST', region, path: at(region, 'kms'), body: { keyName: fields.keyName, keyDesc: fields.keyDesc } }, results.createdKeyResult),
  };
}
