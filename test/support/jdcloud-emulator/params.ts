import { ApiError } from './envelope';

/**
 * Request parameters (spec sections 3 and 5): GET/DELETE take a query string
 * with 1-based list indexes (`filters.1.name`, `filters.1.values.1`), POST,
 * PATCH and PUT a JSON object body. Anything malformed is a 400.
 */

export interface Filter {
  name: string;
  operator: string;
  values: string[];
}

export interface Paging {
  pageNumber: number;
  pageSize: number;
}

const decode = (value: string): string => {
  try {
    return decodeURIComponent(value);
  } catch {
    throw new ApiError(400, `The query has a malformed escape: ${value.slice(0, 40)}`);
  }
};

/** The query's name/value pairs, decoded once (RFC 3986 style: `+` is a plus, not a space). */
export function queryPairs(rawQuery: string): Array<[string, string]> {
  return rawQuery
    .split('&')
    .filter((pair) => pair !== '')
    .map((pair) => {
      const at = pair.indexOf('=');
      return at < 0 ? [decode(pair), ''] : [decode(pair.slice(0, at)), decode(pair.slice(at + 1))];
    });
}

export class Query {
  private readonly single = new Map<string, string>();
  private readonly filterParts = new Map<number, { name?: string; operator?: string; values: Map<number, string> }>();

  constructor(pairs: Array<[string, string]>) {
    for (const [name, value] of pairs) {
      const filter = /^filters\.(\d+)\.(name|operator|values\.(\d+))$/.exec(name);
      if (filter) {
        const index = positiveIndex(filter[1]!, name);
        const part = this.filterParts.get(index) ?? { values: new Map<number, string>() };
        this.filterParts.set(index, part);
        if (filter[2] === 'name') part.name = value;
        else if (filter[2] === 'operator') part.operator = value;
        else part.values.set(positiveIndex(filter[3]!, name), value);
      } else if (/^(filters|tagFilters)\b/.test(name)) {
        // tagFilters are accepted and ignored (no tags here); other filters shapes are mistakes.
        if (!/^tagFilters\.\d+\.(key|values\.\d+)$/.test(name)) throw new ApiError(400, `Unexpected list parameter ${name}`);
      } else {
        if (this.single.has(name)) throw new ApiError(400, `The parameter ${name} is repeated`);
        this.single.set(name, value);
      }
    }
  }

  get(name: string): string | undefined {
    return this.single.get(name);
  }

  /** The filters in index order; each must have a name and values, and only `eq` is supported. */
  filters(allowed: readonly string[]): Filter[] {
    return [...this.filterParts.entries()]
      .sort(([a], [b]) => a - b)
      .map(([index, part]) => {
        if (!part.name) throw new ApiError(400, `filters.${index}.name is required`);
        if (!allowed.includes(part.name)) throw new ApiError(400, `Unknown filter ${part.name}; this operation filters by ${allowed.join(', ')}`);
        if (part.values.size === 0) throw new ApiError(400, `filters.${index}.values is required`);
        const operator = part.operator ?? 'eq';
        if (operator !== 'eq') throw new ApiError(400, `Unsupported filter operator ${operator}`);
        const values = [...part.values.entries()].sort(([a], [b]) => a - b).map(([, value]) => value);
        return { name: part.name, operator, values };
      });
  }

  paging(): Paging {
    const pageNumber = integer(this.get('pageNumber'), 'pageNumber', 1);
    const pageSize = integer(this.get('pageSize'), 'pageSize', 20);
    if (pageNumber < 1) throw new ApiError(400, 'pageNumber must be at least 1');
    if (pageSize < 10 || pageSize > 100) throw new ApiError(400, 'pageSize must be between 10 and 100');
    return { pageNumber, pageSize };
  }
}

function positiveIndex(text: string, name: string): number {
  const index = Number(text);
  if (!Number.isSafeInteger(index) || index < 1 || text.startsWith('0')) throw new ApiError(400, `List indexes start at 1: ${name}`);
  return index;
}

function integer(text: string | undefined, name: string, fallback: number): number {
  if (text === undefined) return fallback;
  if (!/^\d{1,9}$/.test(text)) throw new ApiError(400, `${name} must be a whole number`);
  return Number(text);
}

/** One page of `items` (totalCount is the caller's `items.length`). */
export const pageOf = <T>(items: readonly T[], paging: Paging): T[] => items.slice((paging.pageNumber - 1) * paging.pageSize, paging.pageNumber * paging.pageSize);

// --- JSON bodies ---

export type Body = Record<string, unknown>;

export function jsonBody(raw: Buffer): Body {
  const text = raw.toString('utf8');
  if (text.trim() === '') return {};
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new ApiError(400, 'The body is not valid JSON');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new ApiError(400, 'The body must be a JSON object');
  return value as Body;
}

/** A string field; null and absent are "not given" (the SDKs send null for unset fields). */
export function optionalString(body: Body, name: string, max?: number): string | undefined {
  const value = body[name];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw new ApiError(400, `${name} must be a string`);
  if (max !== undefined && [...value].length > max) throw new ApiError(400, `${name} can be at most ${max} characters`);
  return value;
}

export function requiredString(body: Body, name: string, max?: number): string {
  const value = optionalString(body, name, max);
  if (value === undefined || value === '') throw new ApiError(400, `${name} is required`);
  return value;
}

export function optionalObject(body: Body, name: string): Body | undefined {
  const value = body[name];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'object' || Array.isArray(value)) throw new ApiError(400, `${name} must be an object`);
  return value as Body;
}

/** `deploymentIds`: always one comma-separated string (spec 3), never a JSON array. */
export function deploymentIdList(text: string): string[] {
  return [...new Set(text.split(',').map((id) => id.trim()).filter((id) => id !== ''))];
}
