import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

const root = fileURLToPath(new URL('..', import.meta.url));

/** A session bus that leads nowhere: in these projects the keychain really is unavailable. */
const NO_KEYCHAIN = { DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/gatekey-no-bus' };

/**
 * Main-side tests that need the real OS keychain (the real backend, keytar, a
 * private keyring, the built CLI) or the built app (dist/). Every other file
 * under test/electron and test/resources is a unit test: it runs with no
 * keychain at all, so a test that needs one and is missing here fails loudly.
 */
const MAIN_WITH_KEYCHAIN = [
  'test/electron/cli/{jd,keychain-states,provider,run}.test.ts',
  'test/electron/core/access-keys/service.test.ts',
  'test/electron/core/authorizations/{one-per-key,service}.test.ts',
  'test/electron/core/key-files/{fuzz,handoff,hostile-files}.test.ts',
  'test/electron/core/jdcloud/service*.test.ts',
  'test/electron/core/test-call/gateway.test.ts',
  'test/electron/ipc/**/*.test.ts',
  'test/electron/main/build.test.ts',
  'test/electron/preload/index.test.ts',
  'test/electron/storage/{keychain-backend,keychain-faults,keychain-lifecycle,keychain-states,keytar-secret-store}.test.ts',
  'test/resources/packaging/pack-linux-dir.test.ts',
];

export default defineConfig({
  root,
  test: {
    reporters: ['default', './test/summary-reporter.ts'],
    // Files run side by side: each keychain test uses a service name of its own
    // (and a private D-Bus session and keyring where it locks, pauses or stops
    // one), its own temp folders and its own Chromium; nothing touches the
    // shared Secret Service's state. Much of a keychain or browser test waits on
    // another process, so on the 2-core CI machine three workers beat two (and
    // matched four); a bigger machine can pass --maxWorkers.
    maxWorkers: 3,
    // CI machines are shared: a keychain call, a child process or a render can take
    // seconds under load, so no test leans on vitest's 5 s or expect.poll's 1 s defaults.
    // Passing tests do not wait for these limits; only a hang does.
    testTimeout: 60_000,
    hookTimeout: 120_000,
    expect: { poll: { timeout: 30_000, interval: 50 } },
    projects: [
      {
        // `npm run test:unit`: no keychain, no Chromium, no build. Also where *.no-keychain tests
        // check what Gatekey says when no Secret Service answers.
        extends: true,
        test: {
          name: 'unit',
          environment: 'node',
          include: ['test/electron/**/*.test.ts', 'test/resources/**/*.test.ts'],
          exclude: MAIN_WITH_KEYCHAIN,
          env: NO_KEYCHAIN,
        },
      },
      {
        // The renderer's pure modules (.ts); its component tests (.tsx) render the app against the real backend.
        extends: true,
        test: {
          name: 'unit-renderer',
          environment: 'jsdom',
          include: ['test/renderer/**/*.test.ts'],
          env: NO_KEYCHAIN,
        },
      },
      {
        extends: true,
        test: {
          name: 'main',
          environment: 'node',
          include: MAIN_WITH_KEYCHAIN,
        },
      },
      {
        extends: true,
        plugins: [react()],
        test: {
          name: 'renderer',
          environment: 'jsdom',
          include: ['test/renderer/**/*.test.tsx'],
          setupFiles: ['test/renderer/setup.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['test/e2e/**/*.test.ts'],
        },
      },
    ],
  },
});
