import { z } from 'zod';
import { accessKeyFields, accessKeyId, apiKeyText, apiSecretText } from '../core/access-keys/rules';
import type { AccessKeySummary, ReconcileReport } from '../core/access-keys/types';
import { apiGroupFields, apiGroupId } from '../core/api-groups/rules';
import type { ApiGroupSummary } from '../core/api-groups/types';
import { authorizationDescription, authorizationFields, authorizationId } from '../core/authorizations/rules';
import type { AuthorizationSummary, BoundGroup } from '../core/authorizations/types';
import type { KeyFileExport, KeyImportPreviewEntry, KeyImportSummary, KeyCandidate } from '../core/key-files/types';
import type { SignedRequest } from '../core/signing/types';
import { testCallInput } from '../core/test-call/rules';
import type { TestCallResponse } from '../core/test-call/types';
import type { KeychainState } from '../storage/secret-store';
import type { ConflictResolution, StoreStatus } from '../storage/store-status';
import type { Result } from './result';

/**
 * The IPC contract: every channel, its input schema (main validates each
 * payload against it) and its output type. Preload and renderer take their
 * types from here; nothing else declares a channel.
 */

/** Carries an output type without a runtime schema: main produces it, so main is trusted for it. */
const returns = <T>() => ({}) as { readonly output?: T };

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

/** Key files are under 1 KiB; 64 KiB is refused before reading, so base64 of it bounds a candidate. */
const keyCandidate = z.discriminatedUnion('kind', [
  z.strictObject({ source: z.string().max(255), kind: z.literal('file'), base64: z.string().max(Math.ceil((64 * 1024 + 1) / 3) * 4).regex(/^[A-Za-z0-9+/]*={0,2}$/) }),
  z.strictObject({ source: z.string().max(255), kind: z.literal('handoff'), text: z.string().max(100 * 1024) }),
]) satisfies z.ZodType<KeyCandidate>;
const keyCandidates = z.strictObject({ candidates: z.array(keyCandidate).max(200) });

/** Most groups one Bind can name: far above any real catalogue, low enough to bound the work. */
const MAX_BIND = 5_000;

export const contract = {
  getAppStatus: { input: noInput, ...returns<AppStatus>() },
  listAccessKeys: { input: noInput, ...returns<AccessKeySummary[]>() },
  getAccessKey: { input: byId, ...returns<AccessKeySummary>() },
  createAccessKey: { input: accessKeyFields, ...returns<AccessKeySummary>() },
  updateAccessKey: { input: accessKeyFields.extend({ id: accessKeyId }), ...returns<AccessKeySummary>() },
  deleteAccessKey: { input: byId, ...returns<{ id: string }>() },
  /** Returns the APISecret. Called only when the user presses Show. */
  revealAccessKeySecret: { input: byId, ...returns<{ secret: string }>() },
  /** Main copies the secret itself; the renderer never receives it. */
  copyAccessKeySecret: { input: byId, ...returns<{ clearsAfterSeconds: number }>() },
  copyAccessKeyApiKey: { input: byId, ...returns<{ copied: true }>() },
  copyAccessKeyId: { input: byId, ...returns<{ copied: true }>() },
  reconcileKeychain: { input: z.strictObject({ includeOrphans: z.boolean().optional() }), ...returns<ReconcileReport>() },
  /** Health: re-enter the APISecret of a key whose secret is missing (refused if one is there). */
  restoreAccessKeySecret: { input: z.strictObject({ id: accessKeyId, secret: apiSecretText }), ...returns<AccessKeySummary>() },
  /** Health: delete a keychain entry that no access key refers to. */
  deleteOrphanSecret: { input: z.strictObject({ account: z.string().min(1).max(256) }), ...returns<{ account: string }>() },
  /** Health: give an orphan keychain entry its record back, with the APIKey the user still has. */
  adoptOrphanSecret: { input: accessKeyFields.extend({ account: accessKeyId, apiKey: apiKeyText }), ...returns<AccessKeySummary>() },
  /** The API groups a key of this app is authorized for, through any authorization naming its ID or APIKey. */
  listAccessKeyGrants: { input: byId, ...returns<BoundGroup[]>() },

  listApiGroups: { input: noInput, ...returns<ApiGroupSummary[]>() },
  createApiGroup: { input: apiGroupFields, ...returns<ApiGroupSummary>() },
  updateApiGroup: { input: apiGroupFields.extend({ id: apiGroupId }), ...returns<ApiGroupSummary>() },
  /** Deletes the group and its bindings; says how many authorizations lost it. */
  deleteApiGroup: { input: z.strictObject({ id: apiGroupId }), ...returns<{ id: string; unboundAuthorizations: number }>() },

  listAuthorizations: { input: noInput, ...returns<AuthorizationSummary[]>() },
  /** Fails with ALREADY_EXISTS (and existingId) when the access key is already authorized. */
  createAuthorization: { input: authorizationFields, ...returns<AuthorizationSummary>() },
  updateAuthorization: { input: authorizationDescription.extend({ id: authorizationId }), ...returns<AuthorizationSummary>() },
  deleteAuthorization: { input: z.strictObject({ id: authorizationId }), ...returns<{ id: string }>() },
  /** Sets the full bound set: groups not yet bound get today's binding time, kept ones keep theirs. */
  setAuthorizationBindings: {
    input: z.strictObject({ id: authorizationId, groupIds: z.array(apiGroupId).max(MAX_BIND) }),
    ...returns<AuthorizationSummary>(),
  },

  /** Main opens the save dialog and writes the key file (APIKey, never the secret). */
  exportAccessKeyFile: { input: byId, ...returns<KeyFileExport>() },
  /** Puts the one-line handoff text on the clipboard. */
  copyAccessKeyHandoffText: { input: byId, ...returns<{ fingerprint: string }>() },
  /** Main opens the file dialog (multi-select); files over 64 KiB are refused unread. */
  chooseKeyFiles: { input: noInput, ...returns<{ candidates: KeyCandidate[]; refused: Array<{ source: string; reason: string }> }>() },
  previewKeyImport: { input: keyCandidates, ...returns<KeyImportPreviewEntry[]>() },
  /** Creates one authorization per new key; existing ones are skipped, never overwritten. */
  importKeys: { input: keyCandidates, ...returns<KeyImportSummary>() },

  /** Signs without sending: canonical request, string to sign, headers, curl (never the secret). */
  previewTestCall: { input: testCallInput, ...returns<SignedRequest>() },
  /** Signs afresh and sends from main; REQUEST_FAILED names why a request got no answer. */
  sendTestCall: { input: testCallInput, ...returns<{ request: SignedRequest; response: TestCallResponse }>() },

  /** For an unreadable data file: move it aside and open the newest valid backup. */
  restoreStoreBackup: { input: noInput, ...returns<{ restoredFrom: string; movedAsideTo: string }>() },
  /** After another program changed the data file: reload it, or write Gatekey's version over it. */
  /** Reload answers what it dropped and which keys lost their records (their secrets stay in the keychain). */
  resolveStoreConflict: { input: z.strictObject({ choice: z.enum(['reload', 'overwrite']) }), ...returns<{ resolved: true } & ConflictResolution>() },
  /** Retries saving unsaved changes now; answers whether everything is on disk. */
  saveStoreNow: { input: noInput, ...returns<{ saved: boolean }>() },

  /** Tries the keychain without storing anything: for the welcome screen. */
  checkKeychain: { input: noInput, ...returns<{ available: true }>() },
  /** Ready, locked, unavailable or timed out, with cause and fix; reads no secret and cannot crash. */
  getKeychainState: { input: noInput, ...returns<KeychainState>() },
  /** Marks the welcome as seen (writes the data file if there is none yet). */
  dismissWelcome: { input: noInput, ...returns<{ dismissed: true }>() },
  getAboutInfo: { input: noInput, ...returns<AboutInfo>() },
  /** Opens the data folder in the system file manager. */
  showDataFolder: { input: noInput, ...returns<{ shown: true }>() },
} as const;

export type Contract = typeof contract;
export type Method = keyof Contract;
export const methods = Object.keys(contract) as Method[];

/** What the renderer passes (before main's schema trims and checks it). */
export type Input<M extends Method> = z.input<Contract[M]['input']>;
/** What the handler receives after validation. */
export type ValidInput<M extends Method> = z.output<Contract[M]['input']>;
export type Output<M extends Method> = NonNullable<Contract[M]['output']>;

/** The IPC channel name of a method. */
export const channelOf = (method: Method): string => `gatekey:${method}`;

/** The bridge the preload exposes as `window.api`: one named function per channel. */
export type GatekeyApi = { [M in Method]: (input: Input<M>) => Promise<Result<Output<M>>> };
