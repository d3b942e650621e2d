import { describe, expect, it } from 'vitest';
import { createConfirmGate } from '../../../../electron/core/window-guards/confirmation';

const question = { message: 'Delete?', detail: 'ID 1', confirmLabel: 'Delete' };

describe('createConfirmGate', () => {
  it('passes the user’s answer on', async () => {
    expect(await createConfirmGate(async () => true)(question)).toBe('confirmed');
    expect(await createConfirmGate(async () => false)(question)).toBe('declined');
  });

  it('asks one question at a time: while one is open, others are "busy" without asking', async () => {
    let asked = 0;
    let answer: (yes: boolean) => void = () => undefined;
    const gate = createConfirmGate(() => {
      asked += 1;
      return new Promise<boolean>((resolve) => (answer = resolve));
    });
    const first = gate(question);
    expect(await Promise.all(Array.from({ length: 20 }, () => gate(question)))).toEqual(Array(20).fill('busy'));
    answer(true);
    expect(await first).toBe('confirmed');
    expect(asked).toBe(1);
    // Once answered, the next question is asked again.
    const next = gate(question);
    answer(false);
    expect(await next).toBe('declined');
    expect(asked).toBe(2);
  });

  it('a dialog that fails to show counts as No', async () => {
    expect(await createConfirmGate(async () => Promise.reject(new Error('no display')))(question)).toBe('declined');
  });
});
