import type { StateCreator } from 'zustand';
import type { Algorithm } from '../../../electron/shared/signing/types';
import type { AppState } from './types';

export const httpMethods = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'] as const;
export type HttpMethod = (typeof httpMethods)[number];

/** The Access key select's value for "type an APIKey and paste its secret". */
export const MANUAL_CREDENTIALS = 'manual';

export interface PairRow {
  /** Stable React key, so removing a row never moves focus into its neighbour. */
  id: number;
  name: string;
  value: string;
}

/**
 * What the Test Call form holds between visits. Never a secret: an APISecret
 * pasted for a manual key lives only in the screen's local state.
 */
export interface TestCallDraft {
  /** An access key ID, MANUAL_CREDENTIALS, or '' while none is chosen. */
  credential: string;
  /** The APIKey typed for manual credentials (an identifier, not key material). */
  apiKey: string;
  groupId: string;
  algorithm: Algorithm;
  method: HttpMethod;
  url: string;
  region: string;
  service: string;
  query: PairRow[];
  headers: PairRow[];
  body: string;
}

let lastRowId = 0;
export const newRow = (name = '', value = ''): PairRow => ({ id: ++lastRowId, name, value });

export const emptyDraft = (): TestCallDraft => ({
  credential: '',
  apiKey: '',
  groupId: '',
  algorithm: 'JDCLOUD2',
  method: 'GET',
  url: '',
  region: '',
  service: '',
  query: [],
  headers: [],
  body: '',
});

export interface TestCallSlice {
  testCallDraft: TestCallDraft;
  updateTestCallDraft(patch: Partial<TestCallDraft>): void;
}

export const createTestCallSlice: StateCreator<AppState, [], [], TestCallSlice> = (set, get) => ({
  testCallDraft: emptyDraft(),
  updateTestCallDraft: (patch) => set({ testCallDraft: { ...get().testCallDraft, ...patch } }),
});
