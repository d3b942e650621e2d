import { randomUUID } from 'node:crypto';
import type { AccessKeyService } from '../access-keys/service';
import { signTestRequest, type SignedRequest, type SigningCredentials } from '../signing/request';
import { signingDate } from '../signing/signer';
import type { TestCallInput } from './rules';
import { sendRequest, type TestCallResponse } from './send';

export interface TestCallDeps {
  accessKeys: AccessKeyService;
  send?: typeof sendRequest;
  now?: () => Date;
  nonce?: () => string;
}

/** Signs and sends test calls. The secret is fetched per call and dropped with it. */
export function createTestCallService({ accessKeys, send = sendRequest, now = () => new Date(), nonce = randomUUID }: TestCallDeps) {
  async function credentialsOf(input: TestCallInput): Promise<SigningCredentials> {
    if (input.credentials.kind === 'manual') return { apiKey: input.credentials.apiKey.toUpperCase(), secret: input.credentials.secret };
    const key = accessKeys.get(input.credentials.accessKeyId);
    return { apiKey: key.apiKey, secret: await accessKeys.revealSecret(key.id) };
  }

  async function signed(input: TestCallInput): Promise<SignedRequest> {
    const credentials = await credentialsOf(input);
    return signTestRequest(
      { method: input.method, url: input.url, headers: input.headers, body: input.body },
      credentials,
      { algorithm: input.algorithm, region: input.region, service: input.service, date: signingDate(now()), nonce: nonce() },
    );
  }

  return {
    /** What would be sent: canonical request, string to sign, headers and curl. */
    preview: signed,

    async send(input: TestCallInput): Promise<{ request: SignedRequest; response: TestCallResponse }> {
      const request = await signed(input);
      return { request, response: await send(request) };
    },
  };
}

export type TestCallService = ReturnType<typeof createTestCallService>;
