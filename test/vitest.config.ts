import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

const root = fileURLToPath(new URL('..', import.meta.url));

export default defineConfig({
  root,
  test: {
    reporters: ['default', './test/summary-reporter.ts'],
    // Keychain and Chromium tests share one Secret Service; run files one at a time
    // so their timings stay honest on a 2-core machine.
    fileParallelism: false,
    // CI machines are shared: a keychain call, a child process or a render can take
    // seconds under load, so no test leans on vitest's 5 s or expect.poll's 1 s defaults.
    // Passing tests do not wait for these limits; only a hang does.
    testTimeout: 60_000,
    hookTimeout: 120_000,
    expect: { poll: { timeout: 30_000, interval: 50 } },
    projects: [
      {
        extends: true,
        test: {
          name: 'main',
          environment: 'node',
          include: ['test/electron/**/*.test.ts', 'test/resources/**/*.test.ts'],
          exclude: ['test/electron/**/*.no-keychain.test.ts'],
        },
      },
      {
        // A process whose session bus leads nowhere: the keychain really is unavailable here.
        extends: true,
        test: {
          name: 'no-keychain',
          environment: 'node',
          pool: 'forks',
          include: ['test/electron/**/*.no-keychain.test.ts'],
          env: { DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/gatekey-no-bus' },
        },
      },
      {
        extends: true,
        plugins: [react()],
        test: {
          name: 'renderer',
          environment: 'jsdom',
          include: ['test/renderer/**/*.test.{ts,tsx}'],
          setupFiles: ['test/renderer/setup.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['test/e2e/**/*.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
