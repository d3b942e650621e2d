import type { z } from 'zod';
import type { Environment } from '../api-groups/rules';
import type { authorizationRecord, bindingRecord } from '../store/schema';

/** The only caller type the gateway knows today. */
export type CallerType = 'apiCaller';

/** What the store keeps of an authorization; `accessKeyId` is the same key's ID when it came with the APIKey (a key file carries both). */
export type AuthorizationRecord = z.infer<typeof authorizationRecord>;

export type BindingRecord = z.infer<typeof bindingRecord>;

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
