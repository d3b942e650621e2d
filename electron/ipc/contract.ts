import { z } from 'zod';
import { accessKeyFields, accessKeyId, apiKeyText, apiSecretText } from '../shared/access-keys/rules';
import type { AccessKeySummary, ReconcileReport } from '../shared/access-keys/types';
import { apiGroupFields, apiGroupId } from '../shared/api-groups/rules';
import type { ApiGroupSummary } from '../shared/api-groups/types';
import { authorizationDescription, authorizationFields, authorizationId } from '../shared/authorizations/rules';
import type { AuthorizationSummary, BoundGroup } from '../shared/authorizations/types';
import { MAX_HANDOFF_TEXT_CHARS, MAX_IMPORT_ITEMS, MAX_KEY_FILE_BYTES, MAX_SOURCE_CHARS } from '../shared/key-files/import-rules';
import type { KeyFileExport, KeyImportPreviewEntry, KeyImportSummary, KeyCandidate } from '../shared/key-files/types';
import type { SignedRequest } from '../shared/signing/types';
import { testCallInput } from '../shared/test-call/rules';
import type { TestCallResponse } from '../shared/test-call/types';
import type { KeychainState } from '../shared/keychain-state';
import { jdAccountInput, jdRegion } from '../shared/jdcloud/account';
import type { ApplyReport, JdAccountView, Plan, PullReport } from '../shared/jdcloud/types';
import type { ConflictResolution, StoreStatus } from '../shared/store/status';
import { accessKeyOrders, MAX_LISTED_GROUPS, MAX_WINDOW_ROWS, windowInput, type ListPosition, type ListWindow } from '../shared/lists/window';
import type { Result } from './result';

/**
 * The IPC contract: every channel, grouped by feature, with its input schema
 * (main validates each payload against it), whether it writes, and its output
 * type; and every event main sends the window. The preload's bridge and the
 * renderer's client are generated from it; nothing else declares a channel.
 */

/**
 * A channel: its input schema and whether it may change the data file. The
 * output type has no runtime schema: main produces it, so main is trusted for it.
 */
function channel<I extends z.ZodType, W extends boolean>(input: I, writes: W) {
  return { returns: <O>() => ({ input, writes }) as { readonly input: I; readonly writes: W; readonly output?: O } };
}
/** Never changes the data file (it may read it, or the keychain, or a file the user picked). */
const reads = <I extends z.ZodType>(input: I) => channel(input, false);
/** May change the data file: when it changed records, the window hears `dataChanged` for their topics (ipc/events/data-events.ts). */
const writes = <I extends z.ZodType>(input: I) => channel(input, true);

const noInput = z.strictObject({});
const byId = z.strictObject({ id: accessKeyId });

export interface AppStatus {
  store: StoreStatus;
  platform: string;
  version: string;
  /** No data file existed when the app started and the welcome has not been dismissed. */
  firstRun: boolean;
}

export interface AboutInfo {
  version: string;
  electron: string;
  chromium: string;
  node: string;
  license: string;
  dataFolder: string;
}

/** Key files are under 1 KiB; a larger file is refused before reading, so base64 of the limit bounds a candidate. */
const keyCandidate = z.discriminatedUnion('kind', [
  z.strictObject({ source: z.string().max(MAX_SOURCE_CHARS), kind: z.literal('file'), base64: z.string().max(Math.ceil((MAX_KEY_FILE_BYTES + 1) / 3) * 4).regex(/^[A-Za-z0-9+/]*={0,2}$/) }),
  z.strictObject({ source: z.string().max(MAX_SOURCE_CHARS), kind: z.literal('handoff'), text: z.string().max(MAX_HANDOFF_TEXT_CHARS) }),
]) satisfies z.ZodType<KeyCandidate>;
const keyCandidates = z.strictObject({ candidates: z.array(keyCandidate).max(MAX_IMPORT_ITEMS) });

/** Most groups one Bind can name: far above any real catalogue, low enough to bound the work (as many as apiGroups.list answers with). */
const MAX_BIND = MAX_LISTED_GROUPS;

/*
 * Lists travel in windows: main searches, orders and counts, and answers at
 * most MAX_WINDOW_ROWS rows. No channel returns a whole collection of access
 * keys or authorizations.
 */
const listWindow = z.strictObject(windowInput);

export const contract = {
  app: {
    getStatus: reads(noInput).returns<AppStatus>(),
    /** Marks the welcome as seen (writes the data file if there is none yet). */
    dismissWelcome: writes(noInput).returns<{ dismissed: true }>(),
    getAbout: reads(noInput).returns<AboutInfo>(),
    /** Opens the data folder in the system file manager. */
    showDataFolder: reads(noInput).returns<{ shown: true }>(),
  },
  store: {
    /** For an unreadable data file: move it aside and open the newest valid backup. */
    restoreBackup: writes(noInput).returns<{ restoredFrom: string; movedAsideTo: string }>(),
    /**
     * After another program changed the data file: reload it, or write Gatekey's version over it.
     * Reload answers what it dropped and which keys lost their records (their secrets stay in the keychain).
     */
    resolveConflict: writes(z.strictObject({ choice: z.enum(['reload', 'overwrite']) })).returns<{ resolved: true } & ConflictResolution>(),
    /** Retries saving unsaved changes now; answers whether everything is on disk. */
    saveNow: writes(noInput).returns<{ saved: boolean }>(),
  },
  keychain: {
    /** Tries the keychain without storing anything: for the welcome screen. */
    check: reads(noInput).returns<{ available: true }>(),
    /** Ready, locked, unavailable or timed out, with cause and fix; reads no secret and cannot crash. */
    getState: reads(noInput).returns<KeychainState>(),
    reconcile: reads(z.strictObject({ includeOrphans: z.boolean().optional() })).returns<ReconcileReport>(),
    /** Health: re-enter the APISecret of a key whose secret is missing (refused if one is there). */
    restoreSecret: reads(z.strictObject({ id: accessKeyId, secret: apiSecretText })).returns<AccessKeySummary>(),
    /** Health: delete a keychain entry that no access key refers to. */
    deleteOrphan: reads(z.strictObject({ account: z.string().min(1).max(256) })).returns<{ account: string }>(),
    /** Health: give an orphan keychain entry its record back, with the APIKey the user still has. */
    adoptOrphan: writes(accessKeyFields.extend({ account: accessKeyId, apiKey: apiKeyText })).returns<AccessKeySummary>(),
  },
  accessKeys: {
    /** One window of the list as searched (name, Access Key ID, APIKey) and ordered. */
    query: reads(listWindow.extend({ order: z.enum(accessKeyOrders) })).returns<ListWindow<AccessKeySummary>>(),
    /** The names of these keys, for rows that show only an ID (Health); IDs with no key are left out. */
    names: reads(z.strictObject({ ids: z.array(accessKeyId).max(MAX_WINDOW_ROWS) })).returns<Array<{ id: string; name: string }>>(),
    get: reads(byId).returns<AccessKeySummary>(),
    create: writes(accessKeyFields).returns<AccessKeySummary>(),
    update: writes(accessKeyFields.extend({ id: accessKeyId })).returns<AccessKeySummary>(),
    delete: writes(byId).returns<{ id: string }>(),
    /** Returns the APISecret. Called only when the user presses Show. */
    revealSecret: reads(byId).returns<{ secret: string }>(),
    /** Main copies the secret itself; the renderer never receives it. */
    copySecret: reads(byId).returns<{ clearsAfterSeconds: number }>(),
    copyApiKey: reads(byId).returns<{ copied: true }>(),
    copyId: reads(byId).returns<{ copied: true }>(),
    /** The API groups a key of this app is authorized for, through any authorization naming its ID or APIKey. */
    listGrants: reads(byId).returns<BoundGroup[]>(),
  },
  apiGroups: {
    /** The catalogue in store order for the Bind dialog and the Test Call host picker: at most MAX_LISTED_GROUPS (as many as a Bind can name). */
    list: reads(noInput).returns<ApiGroupSummary[]>(),
    /** One window of the list as searched (name, ID, host), newest first. */
    query: reads(listWindow).returns<ListWindow<ApiGroupSummary>>(),
    create: writes(apiGroupFields).returns<ApiGroupSummary>(),
    update: writes(apiGroupFields.extend({ id: apiGroupId })).returns<ApiGroupSummary>(),
    /** Deletes the group and its bindings; says how many authorizations lost it. */
    delete: writes(z.strictObject({ id: apiGroupId })).returns<{ id: string; unboundAuthorizations: number }>(),
  },
  authorizations: {
    /** One window of the list as searched (either identifier of the Access Key, a local key's name), newest first. */
    query: reads(listWindow).returns<ListWindow<AuthorizationSummary>>(),
    get: reads(z.strictObject({ id: authorizationId })).returns<AuthorizationSummary>(),
    /** Where an authorization sits in the list as searched: the row to scroll to (index null when the search hides it). */
    locate: reads(z.strictObject({ id: authorizationId, search: windowInput.search })).returns<ListPosition>(),
    /** Fails with ALREADY_EXISTS (and existingId) when the access key is already authorized. */
    create: writes(authorizationFields).returns<AuthorizationSummary>(),
    update: writes(authorizationDescription.extend({ id: authorizationId })).returns<AuthorizationSummary>(),
    delete: writes(z.strictObject({ id: authorizationId })).returns<{ id: string }>(),
    /** Sets the full bound set: groups not yet bound get today's binding time, kept ones keep theirs. */
    setBindings: writes(z.strictObject({ id: authorizationId, groupIds: z.array(apiGroupId).max(MAX_BIND) })).returns<AuthorizationSummary>(),
  },
  keyFiles: {
    /** Main opens the save dialog and writes the key file (APIKey, never the secret). */
    export: reads(byId).returns<KeyFileExport>(),
    /** Puts the one-line handoff text on the clipboard. */
    copyHandoffText: reads(byId).returns<{ fingerprint: string }>(),
    /** Main opens the file dialog (multi-select); files over 64 KiB are refused unread. */
    choose: reads(noInput).returns<{ candidates: KeyCandidate[]; refused: Array<{ source: string; reason: string }> }>(),
    previewImport: reads(keyCandidates).returns<KeyImportPreviewEntry[]>(),
    /** Creates one authorization per new key; existing ones are skipped, never overwritten. Reports progress events. */
    import: writes(keyCandidates).returns<KeyImportSummary>(),
  },
  testCall: {
    /** Signs without sending: canonical request, string to sign, headers, curl (never the secret). */
    preview: reads(testCallInput).returns<SignedRequest>(),
    /** Signs afresh and sends from main; REQUEST_FAILED names why a request got no answer. */
    send: reads(testCallInput).returns<{ request: SignedRequest; response: TestCallResponse }>(),
  },
  jdcloud: {
    /** The connected JD Cloud account (never its SecretKey), or null. */
    getAccount: reads(noInput).returns<JdAccountView | null>(),
    /** Saves the account; its SecretKey goes to the keychain only, under its own entry. Checks nothing: checkConnection does. */
    connect: writes(jdAccountInput).returns<JdAccountView>(),
    /** Forgets the account and deletes its SecretKey from the keychain; links to remote objects stay. */
    disconnect: writes(noInput).returns<{ disconnected: true }>(),
    /** One signed read per region; GATEWAY_AUTH_FAILED names the cause (wrong key, clock, permissions) and the fix. */
    checkConnection: reads(noInput).returns<{ regions: Array<{ region: string; requestId: string; apiGroups: number }> }>(),
    /**
     * Reads the gateway and links local records to remote ones: API groups and their deployments
     * (published ones missing here are added), authorizations and bindings; with `keys`, the account's
     * signature keys (secrets straight to the keychain). Remote-only authorizations are added only with `adoptRemote`.
     */
    pull: writes(z.strictObject({ keys: z.boolean().optional(), adoptRemote: z.boolean().optional() })).returns<PullReport>(),
    /** The difference between local and remote, as operations; sends nothing that changes the gateway. */
    plan: reads(noInput).returns<Plan>(),
    /**
     * Plans again and applies the items named (the reviewed plan minus the excluded ones); an item no longer
     * needed is reported as already done. Reports progress events; one apply at a time.
     */
    apply: writes(z.strictObject({ itemIds: z.array(z.string().min(1).max(300)).max(200_000) })).returns<ApplyReport>(),
    /** Stops a running apply between items; the apply's report says what was applied. */
    cancelApply: reads(noInput).returns<{ cancelling: boolean }>(),
    /** The last apply's report (kept in the data folder), or null. */
    lastApply: reads(noInput).returns<ApplyReport | null>(),
    /** The cloud generates the APIKey and APISecret; the secret goes to the keychain, the record links the remote keyId. */
    createKey: writes(accessKeyFields.extend({ region: jdRegion })).returns<AccessKeySummary>(),
  },
} as const;

/** The data the window shows, by the part of the store it comes from. */
export type DataTopic = 'accessKeys' | 'apiGroups' | 'authorizations' | 'jdcloud';

/** Carries an event's payload type: main produces it, so main is trusted for it. */
const payload = <T>() => ({}) as { readonly data?: T };

/**
 * What main tells the window without being asked, on one channel. Events never
 * carry a secret: they say what changed, and the window asks for what it shows.
 */
export const events = {
  /** The data file's state changed: saved, unsaved, a conflict, read-only. */
  storeStatus: payload<StoreStatus>(),
  /** The keychain became locked, unlocked, unavailable or slow. */
  keychainState: payload<KeychainState>(),
  /** Records changed, here or in another Gatekey or the `gatekey` CLI (`elsewhere`): ask again for these topics. */
  dataChanged: payload<{ topics: DataTopic[]; elsewhere: boolean }>(),
  /** Progress of long work (an import): `done` of `total` items. */
  progress: payload<{ task: 'importKeys' | 'jdApply' | 'jdPull'; done: number; total: number; failed?: number }>(),
} as const;

export type Contract = typeof contract;
export type Namespace = keyof Contract;
/** A channel's name within the contract: `namespace.method`, e.g. `accessKeys.create`. */
export type Method = { [N in Namespace]: `${N}.${keyof Contract[N] & string}` }[Namespace];
type ChannelOf<M extends Method> = M extends `${infer N extends Namespace}.${infer C}` ? (C extends keyof Contract[N] ? Contract[N][C] : never) : never;

/** Every method, namespace by namespace: what the preload exposes, in this order. */
export const channelTable = Object.fromEntries(Object.entries(contract).map(([ns, channels]) => [ns, Object.keys(channels)])) as {
  [N in Namespace]: Array<keyof Contract[N] & string>;
};
export const methods = Object.entries(channelTable).flatMap(([ns, names]) => names.map((name) => `${ns}.${name}`)) as Method[];

/** The channel of a method, e.g. accessKeys.create; undefined for anything the contract does not name. */
export function channelDefinition(method: string): { input: z.ZodType; writes: boolean } | undefined {
  const at = method.indexOf('.');
  const ns = method.slice(0, at);
  const name = method.slice(at + 1);
  if (at < 0 || !Object.hasOwn(contract, ns)) return undefined;
  const channels = contract[ns as Namespace] as Record<string, { input: z.ZodType; writes: boolean }>;
  return Object.hasOwn(channels, name) ? channels[name] : undefined;
}

/** What the renderer passes (before main's schema trims and checks it). */
export type Input<M extends Method> = z.input<ChannelOf<M>['input']>;
/** What the handler receives after validation. */
export type ValidInput<M extends Method> = z.output<ChannelOf<M>['input']>;
/** Exclude, not NonNullable: `output?` adds undefined, while null is a real answer (no account, no last apply). */
export type Output<M extends Method> = Exclude<ChannelOf<M>['output'], undefined>;

type EventType = keyof typeof events;
export type MainEvent = { [T in EventType]: { type: T; data: NonNullable<(typeof events)[T]['data']> } }[EventType];

/** The IPC channel name of a method. */
/** Every channel's name starts with this. */
export const CHANNEL_PREFIX = 'gatekey:';
export const channelOf = (method: Method): string => `${CHANNEL_PREFIX}${method}`;
/** The one channel main sends events on. */
export const EVENT_CHANNEL = 'gatekey:event';

type Bridge<N extends Namespace> = {
  [C in keyof Contract[N] & string]: (input: Input<`${N}.${C}` & Method>) => Promise<Result<Output<`${N}.${C}` & Method>>>;
};
/** The bridge the preload exposes as `window.api`: per feature, one named function per channel, and the event subscription. */
export type GatekeyApi = { [N in Namespace]: Bridge<N> } & {
  events: {
    /** Calls `listener` with every event from main until the returned function is called. */
    subscribe(listener: (event: MainEvent) => void): () => void;
  };
};
