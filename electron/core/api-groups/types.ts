import type { Environment } from './rules';

export interface ApiGroupRecord {
  id: string;
  name: string;
  description: string;
  region: string;
  environment: Environment;
  /** The gateway host; its first label is the service name callers sign with. */
  host: string;
  createdAt: string;
  updatedAt: string;
}

export interface ApiGroupSummary extends ApiGroupRecord {
  /** How many authorizations are bound to this group (they lose it if the group is deleted). */
  bindingCount: number;
}
