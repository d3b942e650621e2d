import { inputRefused } from '../shared/errors';
import { injectionProblem, nonceProblem, regionProblem, serviceProblem, signingDateProblem, visible, type Problem } from '../shared/signing/input-rules';
import { checkHeaders, parseTargetUrl } from '../core/signing/request';
import { algorithms, type Algorithm } from '../shared/signing/types';
import type { CommandLine } from './args';

export const usageError = inputRefused;

/** What `gatekey sign` was asked to sign, every option checked and named in its message. */
export interface SignOptions {
  url: string;
  method?: string;
  algorithm: Algorithm;
  headers: Array<[string, string]>;
  region?: string;
  service?: string;
  date?: string;
  nonce?: string;
}

function checkOption(option: string, value: string | undefined, problemOf: (value: string) => Problem): void {
  if (value === undefined) return;
  const problem = problemOf(value);
  if (problem) throw usageError(`${option} ${problem.words}.`, { reason: 'cliOptionRefused', params: { option, problem: problem.id, ...problem.params } });
}

/** `-H 'Name: value'`, refused whole if it holds a control character (trimming would hide some of them). */
function parseHeader(line: string): [string, string] {
  const injection = injectionProblem(line);
  if (injection) throw usageError(`-H "${visible(line)}" ${injection.words}.`, { reason: 'cliHeaderInjection', params: { header: visible(line), problem: injection.id, ...injection.params } });
  const at = line.indexOf(':');
  if (at <= 0) throw usageError(`-H "${visible(line)}" is not "Name: value".`, { reason: 'cliHeaderNotPair', params: { header: visible(line) } });
  return [line.slice(0, at).trim(), line.slice(at + 1).trim()];
}

/**
 * Everything `sign` takes from its arguments, checked before the keychain is
 * touched, so bad input is exit 2 whatever state the keychain is in. Region,
 * service, nonce and date follow the signing layer's own rules, which Test Call
 * applies too.
 */
export function signOptionsOf(command: CommandLine): SignOptions {
  const [url, ...extra] = command.positionals.slice(1);
  if (!url || extra.length > 0) throw usageError('Give exactly one URL to sign.', { reason: 'cliOneUrl' });
  const { values } = command;
  // --region is repeatable for the jd commands; a signature has one region, the last given (as before).
  const region = values.region?.at(-1);
  if (values.data !== undefined && values['data-file'] !== undefined) throw usageError('Use --data or --data-file, not both.', { reason: 'cliDataTwice' });
  const algorithm = (values.algorithm ?? 'JDCLOUD2').toUpperCase();
  if (!(algorithms as readonly string[]).includes(algorithm)) throw usageError('--algorithm is JDCLOUD2 or JDCLOUD3.', { reason: 'cliAlgorithm' });
  checkOption('-X', values.request, injectionProblem);
  checkOption('--region', region, regionProblem);
  checkOption('--service', values.service, serviceProblem);
  checkOption('--nonce', values.nonce, nonceProblem);
  checkOption('--date', values.date, signingDateProblem);
  const headers = (values.header ?? []).map(parseHeader);
  parseTargetUrl(url);
  checkHeaders(headers);
  return { url, method: values.request, algorithm: algorithm as Algorithm, headers, region, service: values.service, date: values.date, nonce: values.nonce };
}
