#!/usr/bin/env node
// Runs npm scripts side by side and prints each one's output whole, in the
// order they finish, with its wall time. Exits non-zero if any of them failed,
// after all have ended, so one run shows every failure.
// `npm test` uses it for the checks that do not depend on each other
// (type-check, lint, security scan, build): together they take about as long
// as the slowest, where one after another they took the sum.
import { spawn } from 'node:child_process';

const scripts = process.argv.slice(2);
if (scripts.length === 0) {
  console.error('usage: parallel-steps <npm script>...');
  process.exit(2);
}

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

function runScript(name) {
  const started = performance.now();
  return new Promise((resolve) => {
    const child = spawn(npm, ['run', name], { stdio: ['ignore', 'pipe', 'pipe'], shell: process.platform === 'win32' });
    const output = [];
    child.stdout.on('data', (chunk) => output.push(chunk));
    child.stderr.on('data', (chunk) => output.push(chunk));
    let ended = false;
    const finish = (code, detail = '') => {
      if (ended) return; // 'error' can be followed by 'close'
      ended = true;
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      const text = Buffer.concat(output).toString('utf8').trimEnd();
      console.log(`\n[${name}] ${code === 0 ? 'ok' : `FAILED (${detail || `exit ${code}`})`} in ${seconds} s`);
      if (text) console.log(text);
      resolve(code);
    };
    child.on('error', (error) => finish(127, error.message));
    child.on('close', (code, signal) => finish(code ?? 1, signal ? `signal ${signal}` : ''));
  });
}

const codes = await Promise.all(scripts.map(runScript));
const failed = scripts.filter((_, index) => codes[index] !== 0);
if (failed.length > 0) console.error(`\nparallel-steps: failed: ${failed.join(', ')}`);
process.exitCode = failed.length > 0 ? 1 : 0;
