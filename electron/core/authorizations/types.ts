import type { CallerKeyKind } from './rules';
import type { Environment } from '../api-groups/rules';

/** The only caller type the gateway knows today. */
export type CallerType = 'apiCaller';

export interface AuthorizationRecord {
  id: string;
  /** The caller's Access Key ID (12 hex, lowercase) or APIKey (32 hex, uppercase), as handed over. */
  callerKey: string;
  callerKeyKind: CallerKeyKind;
  /**
   * The same key's Access Key ID, when it came with the APIKey (a key file
   * carries both): one authorization per access key, whichever identifier comes later.
   */
  accessKeyId?: string;
  callerType: CallerType;
  description: string;
  createdAt: string;
  updatedAt: string;
}

export interface BindingRecord {
  authorizationId: string;
  groupId: string;
  boundAt: string;
}

export interface BoundGroup {
  id: string;
  name: string;
  region: string;
  environment: Environment;
  boundAt: string;
}

export interface AuthorizationSummary extends AuthorizationRecord {
  boundGroups: BoundGroup[];
  /** SHA-256 fingerprint of the APIKey, when it is known (handed over as APIKey, or the key lives here). */
  fingerprint?: string;
  /** The access key in this app the identifier belongs to, when there is one. */
  localAccessKey?: { id: string; name: string };
}
