import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';

/*
 * Electron's utilityProcess needs the Electron binary, which cannot be
 * installed here, so 'electron' is mocked: the fake child is an EventEmitter,
 * which, like Electron's UtilityProcess, throws an 'error' event nobody listens
 * to (in main that is an uncaught exception).
 */
class FakeUtilityProcess extends EventEmitter {
  readonly kill = vi.fn(() => true);
  readonly postMessage = vi.fn();
}
const children: FakeUtilityProcess[] = [];
vi.mock('electron', () => ({
  utilityProcess: {
    fork: vi.fn(() => {
      const child = new FakeUtilityProcess();
      children.push(child);
      return child;
    }),
  },
}));

const { utilityWorkerLauncher } = await import('../../../electron/main/keychain-worker');

describe('the keychain helper as a utility process', () => {
  it("ends the helper on a fatal error in it, once, instead of throwing in Gatekey's main process", () => {
    const helper = utilityWorkerLauncher('/bundle')({});
    const ends: string[] = [];
    helper.onExit((detail) => ends.push(detail));
    const child = children.at(-1)!;

    expect(() => child.emit('error', 'FatalError', 'v8::ToLocalChecked Empty MaybeLocal', 'report')).not.toThrow();
    expect(ends).toEqual(['FatalError at v8::ToLocalChecked Empty MaybeLocal']);
    expect(child.kill).toHaveBeenCalled();

    child.emit('exit', 134); // the exit that follows is not a second end
    expect(ends).toHaveLength(1);
  });

  it('reports a plain exit with its code', () => {
    const helper = utilityWorkerLauncher('/bundle')({});
    const ends: string[] = [];
    helper.onExit((detail) => ends.push(detail));
    children.at(-1)!.emit('exit', 0);
    expect(ends).toEqual(['exit code 0']);
  });
});
