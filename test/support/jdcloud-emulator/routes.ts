/**
 * Path -> operation. Paths are matched on their decoded segments, so a custom
 * verb arrives as `:bindGroup` or `%3AbindGroup` alike (spec section 1).
 */

export const OPERATIONS = [
  'describeApiGroups',
  'describeApiGroup',
  'describeDeployments',
  'queryAccessAuths',
  'queryAccessAuth',
  'createAccessAuth',
  'updateAccessAuth',
  'deleteAccessAuth',
  'checkAuthExist',
  'bindGroupAuth',
  'queryBindGroupAuth',
  'queryAuthGroupList',
  'createKey',
  'queryKeys',
  'queryKeyInfo',
  'updateKey',
  'resetKey',
] as const;
export type Operation = (typeof OPERATIONS)[number];

/** The part after `/v1/regions/{regionId}/`, decoded; `([^/:]+)` captures an ID. */
const ROUTES: ReadonlyArray<readonly [string, RegExp, Operation]> = [
  ['GET', /^apiGroups$/, 'describeApiGroups'],
  ['GET', /^apiGroups\/([^/:]+)$/, 'describeApiGroup'],
  ['GET', /^apiGroups\/([^/:]+)\/deployments$/, 'describeDeployments'],
  ['GET', /^accessAuths$/, 'queryAccessAuths'],
  ['POST', /^accessAuths$/, 'createAccessAuth'],
  ['POST', /^accessAuths:checkAccessKeyExist$/, 'checkAuthExist'],
  ['GET', /^accessAuths:groupList$/, 'queryAuthGroupList'],
  ['GET', /^accessAuths\/([^/:]+)$/, 'queryAccessAuth'],
  ['PATCH', /^accessAuths\/([^/:]+)$/, 'updateAccessAuth'],
  ['DELETE', /^accessAuths\/([^/:]+)$/, 'deleteAccessAuth'],
  ['POST', /^accessAuths\/([^/:]+):bindGroup$/, 'bindGroupAuth'],
  ['GET', /^accessAuths\/([^/:]+):bindGroup$/, 'queryBindGroupAuth'],
  ['POST', /^kms$/, 'createKey'],
  ['GET', /^kms$/, 'queryKeys'],
  ['PATCH', /^kms$/, 'updateKey'],
  ['PUT', /^kms$/, 'resetKey'],
  ['GET', /^kms\/([^/:]+)$/, 'queryKeyInfo'],
];

export interface Route {
  operation: Operation;
  region: string;
  /** The captured path IDs, decoded. */
  ids: string[];
}

/** Splits off a `/v1/regions/{regionId}` prefix: the region, even when the rest matches no operation. */
export function regionOf(rawPath: string): { region: string; rest: string } | undefined {
  const segments = rawPath.split('/');
  if (segments[0] !== '' || segments[1] !== 'v1' || segments[2] !== 'regions' || segments.length < 5) return undefined;
  const decoded: string[] = [];
  for (const segment of segments.slice(3)) {
    try {
      decoded.push(decodeURIComponent(segment));
    } catch {
      return undefined;
    }
  }
  const [region = '', ...rest] = decoded;
  if (region === '' || rest.some((s) => s.includes('/'))) return undefined;
  return { region, rest: rest.join('/') };
}

export function routeOf(method: string, rawPath: string): Route | undefined {
  const located = regionOf(rawPath);
  if (!located) return undefined;
  for (const [routeMethod, pattern, operation] of ROUTES) {
    if (routeMethod !== method) continue;
    const match = pattern.exec(located.rest);
    if (match) return { operation, region: located.region, ids: match.slice(1) };
  }
  return undefined;
}
