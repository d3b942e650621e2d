import type { Environment } from '../api-groups/rules';
import type { MessageParams } from '../errors';
import type { JdAccountSettings } from './account';

/** The connected account as the window sees it: never the SecretKey, only whether the keychain holds one. */
export interface JdAccountView extends JdAccountSettings {
  connectedAt: string;
  /** Where the SecretKey comes from: the keychain entry, or the environment (CLI only). */
  secretKeySource: 'keychain' | 'environment';
}

// --- The remote world, as read from the gateway (secrets never in these shapes) ---

export interface RemoteDeployment {
  deploymentId: string;
  environment: Environment;
  revision: string;
}

export interface RemoteApiGroup {
  apiGroupId: string;
  groupName: string;
  description: string;
  regionId: string;
  /** The data-plane domain of the online environment, e.g. `xv3xbwah945y.cn-north-1.jdcloud-api.net`. */
  domain: string;
  /** `jd_cloud` when access authorization is on; groups with `None` accept no authorizations. */
  authType: string;
  deployments: RemoteDeployment[];
}

export interface RemoteAuthorization {
  accessAuthId: string;
  authUserType: string;
  /** For `jd_apikms`: the caller's APIKey. */
  accessKey: string;
  description: string;
  /** The bound deployments, from queryBindGroupAuth. */
  deploymentIds: string[];
}

/** A signature key of the account (`KeyInfo` without its secretKey: that goes straight to the keychain). */
export interface RemoteKey {
  keyId: string;
  keyName: string;
  keyDesc: string;
  /** The APIKey. */
  accessKey: string;
  createTime: string;
}

/** One region of the account as pulled: groups with their deployments, authorizations with their bindings. */
export interface RemoteRegionState {
  region: string;
  groups: RemoteApiGroup[];
  authorizations: RemoteAuthorization[];
}

// --- Plans and their application ---

export const planActions = ['createAuthorization', 'updateDescription', 'setBindings', 'deleteAuthorization'] as const;
export type PlanAction = (typeof planActions)[number];

/** A deployment named for people: which group, in which environment. */
export interface DeploymentRef {
  deploymentId: string;
  groupName: string;
  environment: Environment;
}

/**
 * One change the gateway needs. `id` is stable for the same change (region,
 * action, caller), so a reviewed plan's items can be named again at apply.
 * Never holds a secret: the caller's APIKey is what the gateway stores.
 */
export interface PlanItem {
  id: string;
  region: string;
  action: PlanAction;
  /** The local authorization (absent for a delete of one removed here). */
  authorizationId?: string;
  /** The remote authorization (absent for a create). */
  accessAuthId?: string;
  /** The caller's APIKey, as the gateway's `accessKey`. */
  apiKey: string;
  description: { from?: string; to: string } | undefined;
  bind: DeploymentRef[];
  unbind: DeploymentRef[];
  /** The complete bound set after this item (bindGroupAuth replaces the set). */
  deploymentIds: string[];
}

/** A local item that cannot be applied, and why, in words and as a reason the window can word itself. */
export interface Unapplicable {
  region?: string;
  kind: 'apiGroup' | 'authorization' | 'binding';
  localId: string;
  name: string;
  reason: 'groupNotPulled' | 'groupNotPublished' | 'groupNotInAccountRegions' | 'apiKeyUnknown' | 'groupAuthorizationOff';
  params: MessageParams;
  message: string;
}

export interface Plan {
  createdAt: string;
  endpoint: string;
  regions: string[];
  items: PlanItem[];
  counts: Record<PlanAction, number>;
  unapplicable: Unapplicable[];
  /** Remote authorizations no local one matches (never deleted unless Gatekey once linked them). */
  remoteOnly: Array<{ region: string; accessAuthId: string; accessKey: string; description: string }>;
  /** Local authorizations not bound to any group of the account's regions: nothing to send for them. */
  localOnly: Array<{ authorizationId: string; callerKey: string }>;
}

export type ApplyOutcome = 'applied' | 'alreadyDone' | 'failed' | 'notRun';

export interface ApplyItemResult {
  itemId: string;
  outcome: ApplyOutcome;
  /** Every gateway reply's requestId for this item, in order, for support. */
  requestIds: string[];
  attempts: number;
  error?: { reason: string; params: MessageParams; message: string };
}

export interface ApplyReport {
  startedAt: string;
  finishedAt: string;
  endpoint: string;
  cancelled: boolean;
  /** Why the apply stopped by itself: the gateway refused the account's credentials or permissions, so the rest were not sent. */
  stoppedBy?: { reason: string; params: MessageParams; message: string };
  /** Items of the plan, with what happened to each; items that were not asked for are absent. */
  items: PlanItem[];
  results: ApplyItemResult[];
  counts: Record<ApplyOutcome, number>;
  /** How many requests ran at once. */
  concurrency: number;
}

export interface PullReport {
  regions: string[];
  groups: { linked: number; created: number; unpublished: number };
  /** Remote authorizations matched to local ones (linked), and the ones that have no local counterpart. */
  authorizations: { linked: number; adopted: number; remoteOnly: number; localOnly: number };
  keys?: {
    linked: number;
    created: number;
    secretsStored: number;
    /** Keys whose JD Cloud name breaks the local name rules (or clashes): kept here under another name. */
    renamed?: Array<{ keyId: string; remoteName: string; localName: string }>;
    /** Keys whose APIKey is not 32 hex characters: left in JD Cloud only. */
    skipped?: Array<{ keyId: string; keyName: string }>;
    /** Keys here whose APIKey JD Cloud has since replaced (reset in the console): their APIKey and APISecret here no longer work there. */
    resetInJdCloud?: Array<{ id: string; name: string; keyId: string }>;
  };
  requestIds: string[];
}
