#!/usr/bin/env node
// Runs a command where a real OS keychain answers.
// macOS and Windows: the user's own keychain, so the command runs as it is.
// Linux: the session's Secret Service if one is running; otherwise a private
// D-Bus session with its own gnome-keyring (in temp folders, so the user's
// keyrings are never touched), stopped by PID afterwards, because
// gnome-keyring-daemon outlives its D-Bus session and would keep CI waiting.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const INSIDE = '--inside-private-session';
const args = process.argv.slice(2);

const run = (command, commandArgs, env = process.env) =>
  new Promise((resolve) => {
    const child = spawn(command, commandArgs, { stdio: 'inherit', env });
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
    child.on('error', (error) => {
      console.error(`with-keychain: cannot run ${command}: ${error.message}`);
      resolve(127);
    });
  });

function secretServiceAnswers() {
  if (!process.env.DBUS_SESSION_BUS_ADDRESS) return false;
  const reply = spawnSync(
    'dbus-send',
    ['--session', '--print-reply', '--dest=org.freedesktop.DBus', '/org/freedesktop/DBus', 'org.freedesktop.DBus.NameHasOwner', 'string:org.freedesktop.secrets'],
    { encoding: 'utf8', timeout: 5000 },
  );
  return reply.status === 0 && /boolean true/.test(reply.stdout);
}

async function insidePrivateSession(command) {
  const home = mkdtempSync(join(tmpdir(), 'gatekey-keyring-'));
  const env = { ...process.env, XDG_DATA_HOME: join(home, 'data'), XDG_RUNTIME_DIR: join(home, 'run') };
  for (const dir of [env.XDG_DATA_HOME, env.XDG_RUNTIME_DIR]) spawnSync('mkdir', ['-p', '-m', '700', dir]);
  const daemon = spawn('gnome-keyring-daemon', ['--foreground', '--unlock', '--components=secrets'], { env, stdio: ['pipe', 'ignore', 'ignore'] });
  // The throwaway keyring's password; it guards nothing but this run's test entries.
  daemon.stdin.end('gatekey-test');
  let code = 1;
  try {
    const deadline = Date.now() + 15_000;
    while (!secretServiceAnswers()) {
      if (Date.now() > deadline || daemon.exitCode !== null) throw new Error('gnome-keyring-daemon did not start');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    console.log(`with-keychain: private Secret Service (gnome-keyring, pid ${daemon.pid}) for this run`);
    code = await run(command[0], command.slice(1), env);
  } catch (error) {
    console.error(`with-keychain: ${error.message}. Install gnome-keyring, dbus and dbus-x11 (see README).`);
  } finally {
    daemon.kill('SIGTERM');
    rmSync(home, { recursive: true, force: true });
  }
  return code;
}

async function main() {
  if (args[0] === INSIDE) return insidePrivateSession(args.slice(1));
  if (args.length === 0) {
    console.error('usage: with-keychain <command> [args...]');
    return 2;
  }
  if (process.platform !== 'linux' || secretServiceAnswers()) return run(args[0], args.slice(1));
  return run('dbus-run-session', ['--', process.execPath, fileURLToPath(import.meta.url), INSIDE, ...args]);
}

process.exitCode = await main();
