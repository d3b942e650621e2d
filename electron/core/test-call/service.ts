import { randomUUID } from 'node:crypto';
import type { AccessKeyService } from '../access-keys/service';
import { parseTargetUrl, signTestRequest, type SignedRequest, type SigningCredentials } from '../signing/request';
import { signingDate } from '../signing/signer';
import type { TestCallInput } from '../../shared/test-call/rules';
import type { TestCallResponse } from '../../shared/test-call/types';
import type { SendRequest } from '../ports/http-sender';
import { PREVIEW_SECRET, unsignedPreview } from './unsigned-preview';

export interface TestCallDeps {
  accessKeys: AccessKeyService;
  /** The HTTP adapter (adapters/http); tests pass their own. */
  send: SendRequest;
  now?: () => Date;
  nonce?: () => string;
}

/**
 * Signs and sends test calls. Only send (which the window guards ask the user
 * about) signs with a stored secret; the secret is fetched per call and
 * dropped with it.
 */
export function createTestCallService({ accessKeys, send, now = () => new Date(), nonce = randomUUID }: TestCallDeps) {
  async function credentialsOf(input: TestCallInput): Promise<SigningCredentials> {
    if (input.credentials.kind === 'manual') return { apiKey: input.credentials.apiKey.toUpperCase(), secret: input.credentials.secret };
    const key = accessKeys.get(input.credentials.accessKeyId);
    return { apiKey: key.apiKey, secret: await accessKeys.revealSecret(key.id) };
  }

  function signed(input: TestCallInput, credentials: SigningCredentials): SignedRequest {
    return signTestRequest(
      { method: input.method, url: input.url, headers: input.headers, body: input.body },
      credentials,
      { algorithm: input.algorithm, region: input.region, service: input.service, date: signingDate(now()), nonce: nonce() },
    );
  }

  return {
    /**
     * What would be sent: canonical request, string to sign, headers and curl.
     * For a stored key the signature is a placeholder (SIGNATURE_ON_SEND): the
     * page may ask for previews as often as it likes, so none may be a valid
     * signature. A pasted secret came from the page itself and is used as is.
     */
    async preview(input: TestCallInput): Promise<SignedRequest> {
      if (input.credentials.kind === 'manual') return signed(input, await credentialsOf(input));
      // Presence only, so the preview tells a locked, unavailable or missing secret apart as Send would.
      const key = accessKeys.get(input.credentials.accessKeyId);
      await accessKeys.checkSecret(key.id);
      return unsignedPreview(signed(input, { apiKey: key.apiKey, secret: PREVIEW_SECRET }));
    },

    async send(input: TestCallInput): Promise<{ request: SignedRequest; response: TestCallResponse }> {
      // http(s) only, checked before the secret is read (signing checks again).
      parseTargetUrl(input.url);
      const request = signed(input, await credentialsOf(input));
      return { request, response: await send(request) };
    },
  };
}

export type TestCallService = ReturnType<typeof createTestCallService>;
