import { curlCommand } from '../../shared/signing/curl';
import type { SignedRequest } from '../../shared/signing/types';
import { SIGNATURE_ON_SEND } from '../../shared/test-call/signature-on-send';

export { SIGNATURE_ON_SEND } from '../../shared/test-call/signature-on-send';

/**
 * Signed with this instead of the stored secret: everything that does not
 * depend on the secret (canonical request, string to sign, scope, headers)
 * comes out exactly as Send will make it.
 */
export const PREVIEW_SECRET = 'gatekey-preview-without-the-secret';

const withoutSignature = (value: string) => value.replace(/Signature=[^,\s]*$/, `Signature=${SIGNATURE_ON_SEND}`);
const mask = (headers: Array<[string, string]>): Array<[string, string]> =>
  headers.map(([name, value]) => [name, name.toLowerCase() === 'authorization' ? withoutSignature(value) : value]);

/** The request as a preview shows it: the signature, the Authorization header and the curl carry the placeholder. */
export function unsignedPreview(request: SignedRequest): SignedRequest {
  const headers = mask(request.headers);
  return {
    ...request,
    signature: SIGNATURE_ON_SEND,
    headersToAdd: mask(request.headersToAdd),
    headers,
    curl: curlCommand({ method: request.method, url: request.url, headers, body: request.body }),
  };
}
