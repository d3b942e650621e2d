import type { TestCallResponse } from '../../shared/test-call/types';

export interface OutgoingRequest {
  method: string;
  url: string;
  headers: ReadonlyArray<readonly [string, string]>;
  body: string;
}

/** Sends one request and answers what came back; fails with REQUEST_FAILED naming why nothing did. */
export type SendRequest = (outgoing: OutgoingRequest) => Promise<TestCallResponse>;
