import { DESCRIPTION_MAX, NAME_MAX } from '../../../../electron/shared/access-keys/rules';
import { GROUP_DESCRIPTION_MAX, GROUP_NAME_MAX } from '../../../../electron/shared/api-groups/rules';
import { AUTHORIZATION_DESCRIPTION_MAX } from '../../../../electron/shared/authorizations/rules';

/**
 * Mutants of valid store records, derived systematically: at every node of a
 * record (every field, nested objects and arrays included) each operator below
 * is applied, so every rule of every field meets wrong types, boundary lengths,
 * near-miss patterns, extra and missing keys. A mutant may still be valid
 * (zod decides); the tests compare decisions, not expectations.
 */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export interface Mutant {
  what: string;
  value: unknown;
}

const at = '2026-11-29T10:00:00.000Z';

/** Every length limit the store's rules use, and a few around the ID lengths. */
const LIMITS = [1, 12, 32, 64, 128, 253, 2048, 16, NAME_MAX, DESCRIPTION_MAX, GROUP_NAME_MAX, GROUP_DESCRIPTION_MAX, AUTHORIZATION_DESCRIPTION_MAX];
const LENGTHS = [...new Set([0, ...LIMITS.flatMap((n) => [n - 1, n, n + 1])])].filter((n) => n >= 0).sort((a, b) => a - b);

const DATETIMES = [
  '2026-11-29T10:00:00Z',
  '2026-11-29T10:00:00.1Z',
  '2026-11-29T10:00:00.123456789Z',
  '2024-02-29T00:00:00Z',
  '2000-02-29T00:00:00Z',
  '2023-02-29T00:00:00Z',
  '1900-02-29T00:00:00Z',
  '2026-04-31T00:00:00Z',
  '2026-13-01T00:00:00Z',
  '2026-11-29T24:00:00Z',
  '2026-11-29T23:59:60Z',
  '2026-11-29T10:00Z',
  '2026-11-29T10:00:00+01:00',
  '2026-11-29T10:00:00z',
  '2026-11-29 10:00:00Z',
  '2026-11-29',
  '2026-11-29T10:00:00.Z',
  '+002026-11-29T10:00:00Z',
  `${at}\n`,
];
const ENUM_LIKE = ['test', 'preview', 'online', 'Test', 'ONLINE', 'accessKeyId', 'apiKey', 'apikey', 'apiCaller', 'apicaller', 'provider'];
const ANY_TYPE: Json[] = [null, 0, -1, 1.5, true, false, '', 'x', [], {}];
const EXTRA_KEYS = ['extra', '__proto__', 'constructor', 'toString', 'ID', 'remote', 'accessKeyId', 'deploymentId', 'schemaVersion'];

/** Valid records of each kind, with and without their optional fields, some at their limits. */
export const validRecords = {
  accessKeys: [
    { id: '0123456789ab', name: 'caller-1', description: '', apiKey: '0123456789ABCDEF0123456789ABCDEF', createdAt: at, updatedAt: at },
    { id: 'fedcba987654', name: 'k'.repeat(NAME_MAX), description: '😀'.repeat(DESCRIPTION_MAX / 2), apiKey: 'F'.repeat(32), createdAt: '2024-02-29T23:59:59.5Z', updatedAt: at, remote: { keyId: 'sk-~!'.repeat(25), region: 'cn-north-1' } },
  ],
  apiGroups: [
    { id: 'g0000000000a', name: 'Payments', description: 'API group', region: 'cn-north-1', environment: 'test', host: 'svc.cn-north-1.jdcloud-api.net', createdAt: at, updatedAt: at },
    { id: 'zzzzzzzzzzzz', name: 'n'.repeat(GROUP_NAME_MAX), description: 'd'.repeat(GROUP_DESCRIPTION_MAX), region: 'r'.repeat(64), environment: 'online', host: 'h'.repeat(253), createdAt: at, updatedAt: at, remote: { apiGroupId: 'api-1', deploymentId: 'dep-2' } },
    { id: '000000000000', name: 'P', description: '', region: 'x', environment: 'preview', host: 'h', createdAt: at, updatedAt: at, remote: { apiGroupId: '!'.repeat(128) } },
  ],
  authorizations: [
    { id: 'a0000000000b', callerKey: 'ABCDEF0123456789ABCDEF0123456789', callerKeyKind: 'apiKey', callerType: 'apiCaller', description: 'Authorization', createdAt: at, updatedAt: at },
    {
      id: 'a0000000000c',
      callerKey: '0123456789ab',
      callerKeyKind: 'accessKeyId',
      accessKeyId: '0123456789ab',
      callerType: 'apiCaller',
      description: 'a'.repeat(AUTHORIZATION_DESCRIPTION_MAX),
      createdAt: at,
      updatedAt: at,
      remote: [
        { region: 'cn-north-1', accessAuthId: 'auth-1' },
        { region: 'cn-east-2', accessAuthId: 'auth-2' },
      ],
    },
  ],
  bindings: [{ authorizationId: 'a0000000000b', groupId: 'g0000000000a', boundAt: at }],
} as const satisfies Record<string, Json[]>;

export const validJdcloudSections: Json[] = [
  { account: null, deletedAuthorizations: [] },
  {
    account: { accessKeyId: 'JDC_0123456789', regions: ['cn-north-1', 'cn-east-2'], endpoint: 'https://apigateway.jdcloud-api.com', connectedAt: at },
    deletedAuthorizations: [
      { region: 'cn-north-1', accessAuthId: 'auth-9', apiKey: 'ABCDEF0123456789ABCDEF0123456789', deletedAt: at },
      { region: 'cn-east-2', accessAuthId: 'auth-8', apiKey: '0'.repeat(32), deletedAt: at },
    ],
  },
];

/** Strings near `value`: case swaps, one character more or less, spaces and line breaks around it, a character from outside its alphabet. */
function nearMisses(value: string): string[] {
  const middle = Math.floor(value.length / 2);
  const swapMiddle = (c: string) => value.slice(0, middle) + c + value.slice(middle + 1);
  return [
    value.toUpperCase(),
    value.toLowerCase(),
    value + (value[0] ?? 'a'),
    value.slice(1),
    value.slice(0, -1),
    ` ${value}`,
    `${value} `,
    `${value}\n`,
    `\n${value}`,
    `${value}😀`,
    ...['g', 'G', '-', '.', ' ', '\x7f', '\u00e9', '\ud800'].map(swapMiddle),
  ];
}

/** Strings of each boundary length: plain letters, hex digits, the value's own characters, and UTF-16 pairs (two units each). */
function lengthVariants(value: string): string[] {
  const own = (n: number) => (value === '' ? 'a' : value).repeat(n + 1).slice(0, n);
  const pairs = (n: number) => '😀'.repeat(Math.floor(n / 2)) + (n % 2 ? 'a' : '');
  return LENGTHS.flatMap((n) => ['a'.repeat(n), '0'.repeat(n), 'F'.repeat(n), own(n), pairs(n)]);
}

/** Every string appearing in any valid record (IDs, keys, enum values, timestamps), so each field also meets its neighbours' values. */
const POOL = [...new Set([...collectStrings([...Object.values(validRecords).flat(), ...validJdcloudSections]), ...DATETIMES, ...ENUM_LIKE])];

function collectStrings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(collectStrings);
  if (value && typeof value === 'object') return Object.values(value).flatMap(collectStrings);
  return [];
}

const clone = (value: unknown): Json => JSON.parse(JSON.stringify(value)) as Json;

/** Sets a key as JSON.parse would (an own property, even `__proto__`), never through a setter. */
function put(target: Record<string, unknown> | unknown[], key: string | number, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

type Path = Array<string | number>;

function nodes(value: unknown, path: Path = []): Array<{ path: Path; value: unknown }> {
  const here = [{ path, value }];
  if (Array.isArray(value)) return [...here, ...value.flatMap((item, index) => nodes(item, [...path, index]))];
  if (value && typeof value === 'object') return [...here, ...Object.entries(value).flatMap(([key, item]) => nodes(item, [...path, key]))];
  return here;
}

/** A copy of `root` with the node at `path` replaced, removed (`REMOVE`) or given an extra key; undefined when `root` has no such node. */
const REMOVE = Symbol('remove');
type Change = { replace: unknown } | { addKey: string };
function changed(root: unknown, path: Path, change: Change): unknown {
  const copy = clone(root);
  if (path.length === 0 && 'replace' in change) return change.replace;
  let parent: unknown = copy;
  for (const key of path.slice(0, 'replace' in change ? -1 : undefined)) {
    if (!parent || typeof parent !== 'object' || !Object.hasOwn(parent, key)) return undefined;
    parent = (parent as Record<string, unknown>)[key];
  }
  if (!parent || typeof parent !== 'object') return undefined;
  const target = parent as Record<string, unknown>;
  if ('addKey' in change) {
    if (Array.isArray(target)) return undefined;
    put(target, change.addKey, 'x');
    return copy;
  }
  const last = path[path.length - 1]!;
  if (!Object.hasOwn(target, last)) return undefined;
  if (change.replace !== REMOVE) put(target, last, change.replace);
  else if (Array.isArray(target)) target.splice(last as number, 1);
  else delete target[last];
  return copy;
}

const pathText = (path: Path) => (path.length ? path.join('.') : '(root)');

/** One mutation, applicable to any record that has its node. */
export interface Mutation {
  what: string;
  path: Path;
  apply: (root: unknown) => unknown;
}

/** Every single mutation of `record`, at every node. */
export function mutationsOf(record: unknown): Mutation[] {
  const mutations: Mutation[] = [];
  for (const { path, value } of nodes(record)) {
    const where = pathText(path);
    const add = (change: Change, how: string) => mutations.push({ what: `${where} ${how}`, path, apply: (root) => changed(root, path, change) });
    if (path.length > 0) add({ replace: REMOVE }, 'removed');
    for (const other of ANY_TYPE) add({ replace: other }, `= ${JSON.stringify(other)}`);
    if (typeof value === 'string') {
      for (const other of [...nearMisses(value), ...lengthVariants(value), ...POOL]) add({ replace: other }, `= ${JSON.stringify(other).slice(0, 40)} (${other.length})`);
    }
    if (Array.isArray(value) && value.length > 0) {
      for (const count of [1, 15, 16, 17, 63, 64, 65]) add({ replace: Array.from({ length: count }, (_, index) => value[index % value.length]) }, `with ${count} items`);
      for (const other of ANY_TYPE) add({ replace: [...value, other] }, `+ item ${JSON.stringify(other)}`);
    }
    if (value && typeof value === 'object' && !Array.isArray(value)) {
      for (const key of EXTRA_KEYS) add({ addKey: key }, `+ key ${key}`);
    }
  }
  return mutations;
}

/** Every single mutant of `record`. */
export const mutantsOf = (record: unknown): Mutant[] => mutationsOf(record).map((mutation) => ({ what: mutation.what, value: mutation.apply(record) }));

/** A small seeded generator (mulberry32): the same pairs on every run, so a failure reproduces. */
export function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Two mutations at once, on different nodes: catches a check that stops at the first field it likes. */
export function pairedMutants(record: unknown, count: number, random: () => number): Mutant[] {
  const mutations = mutationsOf(record);
  const pick = () => mutations[Math.floor(random() * mutations.length)]!;
  const out: Mutant[] = [];
  while (out.length < count) {
    const first = pick();
    const second = pick();
    if (pathText(first.path) === pathText(second.path) || first.path.length === 0 || second.path.length === 0) continue;
    const value = second.apply(first.apply(record));
    if (value !== undefined) out.push({ what: `${first.what}, and ${second.what}`, value });
  }
  return out;
}
