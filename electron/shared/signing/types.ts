/** Signing shapes shared with the renderer: pure types and constants, no Node imports. */
export const algorithms = ['JDCLOUD2', 'JDCLOUD3'] as const;
export type Algorithm = (typeof algorithms)[number];

export interface Signature {
  /** The headers to add to the request: x-jdcloud-date, x-jdcloud-nonce, Authorization. */
  headersToAdd: Array<[string, string]>;
  canonicalRequest: string;
  stringToSign: string;
  scope: string;
  signedHeaders: string;
  signature: string;
}

export interface SignedRequest extends Signature {
  method: string;
  url: string;
  /** Every header to send, in order: the user's, then host, then the signature's. */
  headers: Array<[string, string]>;
  body: string;
  region: string;
  service: string;
  /** A curl command that sends the same signed request: it carries the signature, never the secret. */
  curl: string;
}
