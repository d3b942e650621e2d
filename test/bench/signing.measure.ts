import { it } from 'vitest';
import { interleaved, ratioOf, report, RUNS, timed, type Row } from './measure';
import { aws4Once, bareHmacs, signNewSecret, signOnce } from './signing-cases';

// Figures, not pass/fail: signatures per second, sign() beside the aws4 package signing the
// same request and beside bare createHmac, in batches interleaved in one process.
const BATCH = Number(process.env.BENCH_SIGN_BATCH ?? 20_000);

const perSecond = (work: () => void) => async () => {
  const ms = await timed(() => {
    for (let i = 0; i < BATCH; i += 1) work();
  });
  return (BATCH / ms) * 1000;
};

it('sign() throughput beside aws4 and bare createHmac', async () => {
  const runs = await interleaved(Math.max(RUNS, 7), { sign: perSecond(signOnce), aws4: perSecond(aws4Once), hmac: perSecond(bareHmacs), fresh: perSecond(signNewSecret) });
  const rows: Row[] = [
    { scale: '-', what: 'sign(), signatures/s', unit: '/s', figure: runs.sign, floorWhat: 'aws4.sign(), same request', floor: runs.aws4, target: '>= 1.2x aws4', met: ratioOf({ figure: runs.sign, floor: runs.aws4 }) >= 1.2 },
    { scale: '-', what: 'sign(), signatures/s', unit: '/s', figure: runs.sign, floorWhat: 'bare createHmac x5', floor: runs.hmac },
    { scale: '-', what: 'sign(), a new secret every call', unit: '/s', figure: runs.fresh, floorWhat: 'aws4.sign(), same request', floor: runs.aws4 },
  ];
  await report('Signing (one process, batches of ' + BATCH.toLocaleString('en') + ')', rows);
});
