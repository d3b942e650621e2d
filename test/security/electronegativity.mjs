#!/usr/bin/env node
/*
 * npm run security: Electronegativity (@doyensec/electronegativity) over the
 * app's sources, electron/ and renderer/ (it parses TypeScript and TSX itself).
 * It exits 0 whatever it finds, so this script reads its SARIF report and
 * fails on any finding that electronegativity-allowlist.json does not justify,
 * on an allowlist entry that no longer matches anything, and on any file it
 * could not parse (a file it cannot read is a file it did not check).
 * Offline and quick: a couple of seconds.
 */
import { fork } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const allowlistFile = fileURLToPath(new URL('./electronegativity-allowlist.json', import.meta.url));
const scanner = fileURLToPath(new URL('./electronegativity-scan.mjs', import.meta.url));
/** Scanned together, so its global checks (CSP, navigation, permissions) see main and renderer at once. */
const SCANNED = ['electron', 'renderer'];
const TIMEOUT_MS = 60_000;

// --- The allowlist: [{ rule, file, reason }] ---

function readAllowlist() {
  const entries = JSON.parse(readFileSync(allowlistFile, 'utf8'));
  if (!Array.isArray(entries)) throw new Error(`${allowlistFile}: expected an array`);
  entries.forEach((entry, index) => {
    const keys = Object.keys(entry ?? {}).sort().join(',');
    const ok = keys === 'file,reason,rule' && ['rule', 'file', 'reason'].every((key) => typeof entry[key] === 'string' && entry[key].trim() !== '');
    if (!ok) throw new Error(`${allowlistFile}: entry ${index} needs exactly a non-empty "rule", "file" and "reason"`);
  });
  return entries;
}

// --- The scan ---

/** Runs the scanner in its own process; resolves with what it reports once its SARIF file is written. */
function scan(input, sarifFile, electronVersion) {
  return new Promise((resolve, reject) => {
    let report;
    let output = '';
    const child = fork(scanner, [input, sarifFile, electronVersion], {
      cwd: root,
      env: { ...process.env, LANG: 'en-US' },
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
      timeout: TIMEOUT_MS,
    });
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('message', (message) => (report = message));
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (code === 0 && report) resolve(report);
      else reject(new Error(`the scan ${signal ? `was stopped (${signal})` : `exited with ${code}`}:\n${output}`));
    });
  });
}

/** Findings from the SARIF report, with paths relative to the repository, '/'-separated. */
function findingsIn(sarifFile) {
  const sarif = JSON.parse(readFileSync(sarifFile, 'utf8'));
  if (sarif.version !== '2.1.0' || !Array.isArray(sarif.runs?.[0]?.results)) throw new Error('unexpected SARIF report shape');
  return sarif.runs[0].results.map((result) => {
    const location = result.locations?.[0]?.physicalLocation;
    const uri = location?.artifactLocation?.uri ?? '';
    return {
      rule: result.ruleId,
      // Global findings with no file carry 'file:///'; Electronegativity calls them N/A.
      file: uri === 'file:///' ? 'N/A' : uri.split(sep).join('/'),
      line: location?.region?.startLine ?? 0,
      message: result.message?.text ?? '',
    };
  });
}

// --- Judgement ---

function judge(findings, allowlist) {
  const matches = (entry, finding) => entry.rule === finding.rule && entry.file === finding.file;
  const failing = findings.filter((finding) => !allowlist.some((entry) => matches(entry, finding)));
  const stale = allowlist.filter((entry) => !findings.some((finding) => matches(entry, finding)));
  return { allowed: findings.length - failing.length, failing, stale };
}

async function main() {
  const started = Date.now();
  const allowlist = readAllowlist();
  const electronVersion = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).devDependencies.electron;
  const work = mkdtempSync(join(tmpdir(), 'gatekey-electronegativity-'));
  try {
    const input = join(work, 'src');
    for (const folder of SCANNED) {
      cpSync(join(root, folder), join(input, folder), { recursive: true, filter: (path) => !['node_modules', 'dist'].includes(basename(path)) });
    }
    const sarifFile = join(work, 'electronegativity.sarif');
    const report = await scan(input, sarifFile, electronVersion);
    const findings = findingsIn(sarifFile);
    const { allowed, failing, stale } = judge(findings, allowlist);
    const unparsed = report.errors.map((error) => ({ ...error, file: relative(input, error.file).split(sep).join('/') }));

    for (const finding of failing) {
      console.error(`  FAIL ${finding.rule} ${finding.file}:${finding.line}\n       ${finding.message}\n       https://github.com/doyensec/electronegativity/wiki/${finding.rule}`);
    }
    for (const entry of stale) console.error(`  STALE allowlist entry ${entry.rule} ${entry.file}: it matches no finding any more; remove it`);
    for (const error of unparsed) console.error(`  ${error.tolerable ? 'WARN' : 'FAIL'} could not parse ${error.file}: ${error.message}`);

    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    console.log(
      `Electronegativity ${SCANNED.join('/ + ')}/ (Electron ${electronVersion}, ${report.atomicChecks + report.globalChecks} checks, ${seconds} s): ` +
        `${findings.length} findings, ${allowed} allowed, ${failing.length} failing` +
        (stale.length ? `, ${stale.length} stale allowlist entries` : '') +
        (unparsed.length ? `, ${unparsed.length} files not parsed` : ''),
    );
    const broken = unparsed.filter((error) => !error.tolerable);
    return failing.length === 0 && stale.length === 0 && broken.length === 0 ? 0 : 1;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(`Electronegativity: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
