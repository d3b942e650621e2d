import { describe, expect, it } from 'vitest';
import { createRefusalTally } from '../../../../electron/core/window-guards/refusal-tally';

// Pure counting with an injected clock: nothing to mock.
describe('the refusal tally', () => {
  const start = Date.parse('2026-12-02T10:00:00Z');

  it('gives one line per window: the first refusal at once, the rest counted until the window is over', () => {
    let clock = start;
    const tally = createRefusalTally({ windowMs: 60_000, now: () => clock });
    expect(tally.add('reveal', 'a280dc988b22')).toMatchObject({ count: 1, since: '2026-12-02T10:00:00.000Z' });
    const lines = [];
    for (let n = 0; n < 5_000; n += 1) {
      clock += 10; // 50 s of refusals
      lines.push(tally.add(n % 2 ? 'copy' : 'reveal', 'a280dc988b22'));
    }
    expect(lines.filter(Boolean)).toEqual([]);
    expect(tally.flush()).toBeNull();
    expect(tally.pending).toBe(true);
    clock = start + 60_000;
    expect(tally.flush()).toEqual({ outcome: 'refused: RATE_LIMITED', count: 5_000, since: '2026-12-02T10:00:00.010Z', actions: ['reveal', 'copy'], keyIds: ['a280dc988b22'] });
    expect(tally.pending).toBe(false);
    expect(tally.flush()).toBeNull();
  });

  it('names at most 20 keys in a line, and counts them all', () => {
    let clock = start;
    const tally = createRefusalTally({ windowMs: 60_000, now: () => clock });
    tally.add('reveal', 'first');
    for (let n = 0; n < 100; n += 1) tally.add('reveal', `k${n}`);
    clock += 60_000;
    const line = tally.flush();
    expect(line).toMatchObject({ count: 100 });
    expect(line!.keyIds).toHaveLength(20);
    expect(line!.keyIds[0]).toBe('k0');
  });
});
