import { rfc3986 } from '../../../shared/signing/canonical';

/**
 * How the management OpenAPI takes its parameters (spec section 3): on GET and
 * DELETE everything beside the path goes in the query string, lists flattened
 * with 1-based indexes; on POST, PATCH and PUT a JSON body and no query string.
 */

export type Method = 'GET' | 'DELETE' | 'POST' | 'PATCH' | 'PUT';

export interface Filter {
  name: string;
  operator?: string;
  values: string[];
}

/** Query parameters as the operations give them; undefined and null ones are left out. */
export type QueryParams = Record<string, string | number | Filter[] | undefined | null>;

/**
 * `/v1/regions/{region}/...` with every segment RFC 3986 encoded, so a custom
 * verb's ':' is sent as `%3A` (as the Go SDK sends it) and an ID can never add a segment.
 */
export function operationPath(region: string, ...segments: string[]): string {
  return `/${['v1', 'regions', region, ...segments].map(rfc3986).join('/')}`;
}

/** The query as name/value pairs, in order: `filters.1.name=...&filters.1.values.1=...`. */
export function queryPairs(params: QueryParams): Array<[string, string]> {
  const pairs: Array<[string, string]> = [];
  for (const [name, value] of Object.entries(params)) {
    if (value === undefined || value === null) continue;
    if (typeof value === 'string' || typeof value === 'number') {
      pairs.push([name, String(value)]);
      continue;
    }
    value.forEach((filter, i) => {
      const prefix = `${name}.${i + 1}`;
      pairs.push([`${prefix}.name`, filter.name]);
      if (filter.operator !== undefined) pairs.push([`${prefix}.operator`, filter.operator]);
      filter.values.forEach((item, j) => pairs.push([`${prefix}.values.${j + 1}`, item]));
    });
  }
  return pairs;
}

/** RFC 3986 style (a space is `%20`, never `+`), the same encoding the signature's canonical query uses. */
export function queryString(pairs: ReadonlyArray<readonly [string, string]>): string {
  return pairs.map(([name, value]) => `${rfc3986(name)}=${rfc3986(value)}`).join('&');
}

/** `deploymentIds` is always one comma-separated string, never a JSON array. */
export const deploymentIdList = (ids: readonly string[]): string => ids.join(',');

export const hasBody = (method: Method): boolean => method === 'POST' || method === 'PATCH' || method === 'PUT';
