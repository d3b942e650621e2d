import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { unlockThroughControlSocket } from './keyring-control';

/**
 * A Secret Service of a test's own: a D-Bus session bus with NO service
 * activation (nothing answers on it but what the test starts: never the
 * user's keyring, and a daemon that died stays dead) and, on demand, a
 * gnome-keyring-daemon whose files live in a temp folder. Locking, pausing or
 * restarting it touches no other test. Everything is asynchronous (the test's
 * timers keep running) and everything started here is stopped by its PID.
 * Linux only.
 */
export interface PrivateKeyring {
  busAddress: string;
  /** Environment for a process that should use this bus and nothing else. */
  env: NodeJS.ProcessEnv;
  /** Starts gnome-keyring-daemon on this bus, unlocked, and waits until its login collection answers. */
  startKeyring(): Promise<void>;
  /** Locks the login collection for real, as a desktop's auto-login or screen lock leaves it. */
  lock(): Promise<void>;
  /** Unlocks it with the keyring password, as the user typing it into the unlock prompt would. */
  unlock(): Promise<void>;
  /** Freezes the daemon (SIGSTOP): it keeps its bus name and never answers, as behind an unanswered prompt. */
  pause(): void;
  /** Lets it answer again (SIGCONT). */
  resume(): void;
  /** Stops the daemon (by PID) and starts a new one on the same keyring files, unlocked. */
  restartDaemon(): Promise<void>;
  /** Stops the daemon only: no Secret Service answers any more (activation is off). */
  stopDaemon(): Promise<void>;
  /** The PID of whoever owns org.freedesktop.secrets, as the bus reports it. */
  ownerPid(): Promise<number>;
  /** Sends a D-Bus method call with dbus-send; resolves with its reply text. */
  call(destination: string, path: string, method: string, ...args: string[]): Promise<string>;
  /** Stops everything started here (by PID) and removes the temp folder. */
  close(): Promise<void>;
}

// The throwaway keyring's password; it guards nothing but the test's entries.
const PASSWORD = 'gatekey-test';
const LOGIN = '/org/freedesktop/secrets/collection/login';
const CALL_TIMEOUT_MS = 20_000;
const START_TIMEOUT_MS = 30_000;
const run = promisify(execFile);

const busConfig = (socketDir: string) => `<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN" "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>session</type>
  <listen>unix:dir=${socketDir}</listen>
  <auth>EXTERNAL</auth>
  <policy context="default">
    <allow send_destination="*" eavesdrop="true"/>
    <allow eavesdrop="true"/>
    <allow own="*"/>
  </policy>
</busconfig>
`;

/** A private bus with no keyring on it yet (a desktop where no Secret Service runs). */
export async function startPrivateBus(): Promise<PrivateKeyring> {
  const home = await mkdtemp(join(tmpdir(), 'gatekey-private-keyring-'));
  const started: ChildProcess[] = [];
  const closeAll = async () => {
    for (const child of started.splice(0).reverse()) await stopChild(child);
    await rm(home, { recursive: true, force: true });
  };
  try {
    const dirs = { data: join(home, 'data'), run: join(home, 'run') };
    for (const dir of Object.values(dirs)) await mkdir(dir, { recursive: true, mode: 0o700 });
    const config = join(home, 'bus.conf');
    await writeFile(config, busConfig(dirs.run));
    const bus = spawn('dbus-daemon', [`--config-file=${config}`, '--nofork', '--nopidfile', '--print-address=1'], { stdio: ['ignore', 'pipe', 'ignore'] });
    started.push(bus);
    const busAddress = await firstLine(bus);
    const env: NodeJS.ProcessEnv = { ...process.env, DBUS_SESSION_BUS_ADDRESS: busAddress };
    // The keyring's files and control socket live in this bus's own folders, never in the user's.
    const keyringEnv = { ...env, XDG_DATA_HOME: dirs.data, XDG_RUNTIME_DIR: dirs.run };
    const call = async (destination: string, path: string, method: string, ...args: string[]) =>
      (await run('dbus-send', ['--session', '--print-reply', `--dest=${destination}`, path, method, ...args], { env, timeout: CALL_TIMEOUT_MS })).stdout;
    const locked = async () => /boolean true/.test(await call('org.freedesktop.secrets', LOGIN, 'org.freedesktop.DBus.Properties.Get', 'string:org.freedesktop.Secret.Collection', 'string:Locked'));
    const ownerPid = async () => {
      const reply = await call('org.freedesktop.DBus', '/org/freedesktop/DBus', 'org.freedesktop.DBus.GetConnectionUnixProcessID', 'string:org.freedesktop.secrets');
      const pid = /uint32 (\d+)/.exec(reply)?.[1];
      if (!pid) throw new Error('no Secret Service on the private bus');
      return Number(pid);
    };

    let daemon: ChildProcess | undefined;
    const startKeyring = async () => {
      if (daemon) throw new Error('the private keyring is already running');
      const keyring = spawn('gnome-keyring-daemon', ['--foreground', '--unlock', '--components=secrets'], { env: keyringEnv, stdio: ['pipe', 'ignore', 'ignore'] });
      started.push(keyring);
      daemon = keyring;
      keyring.stdin!.end(PASSWORD);
      // The login collection exists, unlocked, once the daemon has created it from the password.
      await poll(async () => !(await locked()), 'gnome-keyring-daemon did not start on the private bus', () => keyring.exitCode !== null || keyring.signalCode !== null);
    };
    const stopDaemon = async () => {
      const running = daemon;
      daemon = undefined;
      if (running) await stopChild(running);
    };

    return {
      busAddress,
      env,
      startKeyring,
      call,
      ownerPid,
      async lock() {
        await call('org.freedesktop.secrets', '/org/freedesktop/secrets', 'org.freedesktop.Secret.Service.Lock', `array:objpath:${LOGIN}`);
        await poll(locked, 'the login collection did not lock');
      },
      async unlock() {
        // Unlocking over D-Bus needs a prompt nobody can answer here; the daemon's control socket
        // (what the PAM module uses at login) takes the password directly.
        await unlockThroughControlSocket(join(dirs.run, 'keyring', 'control'), PASSWORD, CALL_TIMEOUT_MS);
        await poll(async () => !(await locked()), 'the login collection did not unlock');
      },
      pause: () => void daemon?.kill('SIGSTOP'),
      resume: () => void daemon?.kill('SIGCONT'),
      async restartDaemon() {
        if (daemon?.pid !== (await ownerPid())) throw new Error('the private bus answers with a daemon this helper did not start');
        await stopDaemon();
        await startKeyring();
      },
      stopDaemon,
      close: closeAll,
    };
  } catch (error) {
    await closeAll();
    throw error;
  }
}

/** A private bus with its keyring already running, unlocked. */
export async function startPrivateKeyring(): Promise<PrivateKeyring> {
  const keyring = await startPrivateBus();
  try {
    await keyring.startKeyring();
  } catch (error) {
    await keyring.close();
    throw error;
  }
  return keyring;
}

/**
 * For a test file whose own process talks to the keychain (keytar in the test,
 * or a backend whose helper inherits this process's environment): points
 * DBUS_SESSION_BUS_ADDRESS at the private bus until the returned function
 * restores it. Call it before the first keychain call in the process:
 * libsecret keeps the first bus connection it makes.
 */
export function useAsProcessBus(keyring: PrivateKeyring): () => void {
  const previous = process.env.DBUS_SESSION_BUS_ADDRESS;
  process.env.DBUS_SESSION_BUS_ADDRESS = keyring.busAddress;
  return () => {
    if (previous === undefined) delete process.env.DBUS_SESSION_BUS_ADDRESS;
    else process.env.DBUS_SESSION_BUS_ADDRESS = previous;
  };
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, 'exit');
  // A paused daemon must run to see SIGTERM; SIGTERM lets it finish writing its keyring file
  // (a restarted daemon reads it back). SIGKILL if it does not end on its own.
  child.kill('SIGCONT');
  child.kill('SIGTERM');
  const stubborn = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(stubborn);
}

async function firstLine(child: ChildProcess): Promise<string> {
  let text = '';
  const deadline = setTimeout(() => child.kill('SIGKILL'), START_TIMEOUT_MS);
  try {
    for await (const chunk of child.stdout!) {
      text += String(chunk);
      if (text.includes('\n')) return text.split('\n')[0]!.trim();
    }
  } finally {
    clearTimeout(deadline);
  }
  throw new Error('dbus-daemon did not print its address');
}

async function poll(check: () => Promise<boolean>, failure: string, hopeless: () => boolean = () => false): Promise<void> {
  const deadline = Date.now() + START_TIMEOUT_MS;
  for (;;) {
    if (await check().catch(() => false)) return;
    if (Date.now() > deadline || hopeless()) throw new Error(failure);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
