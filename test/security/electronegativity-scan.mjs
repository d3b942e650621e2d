/*
 * The scan itself, in a child process of electronegativity.mjs (which reads the
 * results): Electronegativity's programmatic API, so parse errors come back
 * (its CLI drops them when writing SARIF), and a process of its own, so the
 * SARIF file it writes without waiting is complete when this process exits.
 *
 * Usage (by electronegativity.mjs): node electronegativity-scan.mjs <folder> <out.sarif> <electron version>
 */
import Module, { createRequire } from 'node:module';

// Offline by design: Electronegativity (CommonJS) fetches translations from S3 on
// every run (and Electron release notes for a check we exclude) with 'got'. Every
// such fetch fails at once instead; it falls back to its bundled English texts.
const realLoad = Module._load;
Module._load = function load(request, ...rest) {
  if (request === 'got') return () => Promise.reject(new Error('Gatekey runs Electronegativity offline'));
  return realLoad.call(this, request, ...rest);
};

const run = createRequire(import.meta.url)('@doyensec/electronegativity');

const [input, output, electronVersion] = process.argv.slice(2);

run({
  input,
  output,
  isSarif: true,
  isRelative: true,
  electronVersionOverride: electronVersion,
  customScan: [],
  // Needs the network (GitHub release notes); Electron updates are a dependency question, not a code one.
  excludeFromScan: ['AvailableSecurityFixesGlobalCheck'],
  parserPlugins: [],
})
  .then(({ errors, atomicChecks, globalChecks }) => process.send({ errors, atomicChecks, globalChecks }))
  .catch((error) => {
    console.error(error);
    process.exitCode = 1;
  });
