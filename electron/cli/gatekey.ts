import { runCli } from './run';

declare const __GATEKEY_VERSION__: string;

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

runCli(process.argv.slice(2), {
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
  readStdin,
  env: process.env,
  version: typeof __GATEKEY_VERSION__ === 'string' ? __GATEKEY_VERSION__ : 'dev',
}).then((code) => {
  process.exitCode = code;
});
