import { z } from 'zod';
import { accessKeyFields, accessKeyId } from '../core/access-keys/rules';
import type { AccessKeySummary, ReconcileReport } from '../core/access-keys/types';
import type { StoreStatus } from '../storage/store-status';
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
}

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
  reconcileKeychain: { input: noInput, ...returns<ReconcileReport>() },
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
