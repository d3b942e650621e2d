import type { z } from 'zod';
import type { apiGroupRecord } from '../store/schema';

/** What the store keeps of an API group. Its host's first label is the service name callers sign with. */
export type ApiGroupRecord = z.infer<typeof apiGroupRecord>;

export interface ApiGroupSummary extends ApiGroupRecord {
  /** How many authorizations are bound to this group (they lose it if the group is deleted). */
  bindingCount: number;
}
