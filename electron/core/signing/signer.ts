import { createHash, createHmac } from 'node:crypto';
import { canonicalHeaders, canonicalPath, canonicalQuery } from '../../shared/signing/canonical';
import { signingDateProblem } from '../../shared/signing/input-rules';
import { signingKey } from './signing-keys';
import type { Algorithm, Signature } from '../../shared/signing/types';

export type { Algorithm, Signature } from '../../shared/signing/types';

export interface SignInput {
  algorithm: Algorithm;
  method: string;
  /** The path as it will be sent (escaped or not: it is canonicalised). */
  path: string;
  query: ReadonlyArray<readonly [string, string]>;
  /** Every header that will be sent, `host` included; unsignable ones are left out of the signature. */
  headers: ReadonlyArray<readonly [string, string]>;
  body: string | Uint8Array;
  apiKey: string;
  /** Key material: never log it, never put it in an error or a returned field. */
  secret: string;
  region: string;
  service: string;
  /** `YYYYMMDDTHHMMSSZ`, UTC. */
  date: string;
  nonce: string;
}

const sha256Hex = (data: string | Uint8Array) => createHash('sha256').update(data).digest('hex');

/** Signs a request the way the JD Cloud API gateway verifies it. Pure: no clock, no randomness, no I/O. */
export function sign(input: SignInput): Signature {
  const dateProblem = signingDateProblem(input.date);
  if (dateProblem) throw new RangeError(`The date ${dateProblem.words}.`);
  const v = input.algorithm;
  const day = input.date.slice(0, 8);
  const terminator = `${v.toLowerCase()}_request`;
  const added: Array<[string, string]> = [
    ['x-jdcloud-date', input.date],
    ['x-jdcloud-nonce', input.nonce],
  ];
  const withoutOurs = input.headers.filter(([name]) => !['x-jdcloud-date', 'x-jdcloud-nonce'].includes(name.trim().toLowerCase()));
  const { block, signedHeaders } = canonicalHeaders([...withoutOurs, ...added]);

  const canonicalRequest = [
    input.method.toUpperCase(),
    canonicalPath(input.path),
    canonicalQuery(input.query),
    block,
    signedHeaders,
    sha256Hex(input.body),
  ].join('\n');
  const scope = `${day}/${input.region}/${input.service}/${terminator}`;
  const stringToSign = [`${v}-HMAC-SHA256`, input.date, scope, sha256Hex(canonicalRequest)].join('\n');

  const signature = createHmac('sha256', signingKey(v, input.secret, day, input.region, input.service)).update(stringToSign, 'utf8').digest('hex');

  const authorization = `${v}-HMAC-SHA256 Credential=${input.apiKey}/${scope}, SignedHeaders=${signedHeaders}, Signature=${signature}`;
  return { headersToAdd: [...added, ['Authorization', authorization]], canonicalRequest, stringToSign, scope, signedHeaders, signature };
}

/** `YYYYMMDDTHHMMSSZ` for a moment. */
export const signingDate = (moment: Date): string => moment.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
