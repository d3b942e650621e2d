import { bench, describe } from 'vitest';
import { aws4Once, bareHmacs, signNewSecret, signOnce, signTestRequestOnce } from './signing-cases';

// vitest's own view (ops/s with its spread); signing.measure.ts takes the same cases interleaved into results.json.
describe('signatures per second', () => {
  bench('bare crypto.createHmac x5 (floor)', bareHmacs);
  bench('sign() (canonical request + signature)', signOnce);
  bench('sign(), a new secret every call (no kept signing key)', signNewSecret);
  bench('aws4.sign() (peer, same request)', aws4Once);
  bench('signTestRequest() (URL parsing, checks, curl)', signTestRequestOnce);
});
