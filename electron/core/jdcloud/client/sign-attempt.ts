import { JDCLOUD_SERVICE } from '../../../shared/jdcloud/account';
import type { OutgoingRequest } from '../../ports/http-sender';
import { sign, signingDate } from '../../signing/signer';
import { hasBody, queryPairs, queryString } from './encode';
import type { OperationRequest } from './request';

export interface Credentials {
  /** The account's AccessKey ID: not a secret, it names the credential in the signature. */
  accessKeyId: string;
  /** Key material: only ever passed to the signer, never into an error, a log or a returned value. */
  secretKey: string;
}

/**
 * One attempt of a request, signed afresh: a new x-jdcloud-date and nonce every
 * time (the gateway rejects a reused nonce), with host, content-type, date and
 * nonce signed. `host` is what is actually sent (host[:port]).
 */
export function signAttempt(endpoint: URL, request: OperationRequest, credentials: Credentials, moment: Date, nonce: string): OutgoingRequest {
  const query = hasBody(request.method) ? [] : queryPairs(request.query ?? {});
  const body = hasBody(request.method) ? JSON.stringify(request.body ?? {}) : '';
  const headers: Array<[string, string]> = [
    ['host', endpoint.host],
    ['content-type', 'application/json'],
  ];
  const signature = sign({
    algorithm: 'JDCLOUD2',
    method: request.method,
    path: request.path,
    query,
    headers,
    body,
    apiKey: credentials.accessKeyId,
    secret: credentials.secretKey,
    region: request.region,
    service: JDCLOUD_SERVICE,
    date: signingDate(moment),
    nonce,
  });
  const search = query.length > 0 ? `?${queryString(query)}` : '';
  return {
    method: request.method,
    url: `${endpoint.origin}${request.path}${search}`,
    headers: [...headers, ...signature.headersToAdd],
    body,
  };
}
