import { runCli } from './run';

declare const __GATEKEY_VERSION__: string;

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** Resolves once everything written to the stream so far has been handed to the OS. */
const flushed = (stream: NodeJS.WriteStream) => new Promise<void>((resolve) => stream.write('', () => resolve()));

async function main(): Promise<never> {
  const code = await runCli(process.argv.slice(2), {
    out: (text) => process.stdout.write(`${text}\n`),
    err: (text) => process.stderr.write(`${text}\n`),
    readStdin,
    env: process.env,
    onInterrupt: (handler) => {
      process.on('SIGINT', handler);
      return () => process.off('SIGINT', handler);
    },
    version: typeof __GATEKEY_VERSION__ === 'string' ? __GATEKEY_VERSION__ : 'dev',
  });
  process.exitCode = code;
  await Promise.all([flushed(process.stdout), flushed(process.stderr)]);
  // The answer is out and the keychain closed (which ends its helper process,
  // where a call that timed out may still wait on libsecret). Whatever else is
  // still open (a bus connection, a pipe) must not keep the command alive.
  process.exit(code);
}

void main();
