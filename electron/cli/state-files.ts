import { readRegularFileBounded } from '../adapters/files/bounded-read';
import { notAFile, openFailure } from '../adapters/files/read-chosen-file';
import { AppError } from '../shared/errors';
import { stateFileFormats, type GatekeyState, type StateFileFormat } from '../shared/jdcloud/state-file';
import { visible } from '../shared/signing/input-rules';
import { formatOfPath, MAX_STATE_FILE_BYTES, parseStateText } from '../core/jdcloud/state/state-text';
import { usageError } from './sign-options';

/** --format if given (yaml or json), else from the file's name, else YAML. */
export function formatOption(format: string | undefined, path: string | undefined): StateFileFormat {
  if (format === undefined) return path ? formatOfPath(path) : 'yaml';
  const wanted = format.toLowerCase();
  if (!(stateFileFormats as readonly string[]).includes(wanted)) throw usageError('--format is yaml or json.', { reason: 'cliFormat', params: { format: visible(format) } });
  return wanted as StateFileFormat;
}

/** A state file from disk: a regular file only, bounded, then every check of parseStateText. */
export async function readStateFile(path: string, format: string | undefined): Promise<GatekeyState> {
  const source = visible(path, 400);
  const refused = (detail: string) => new AppError('INVALID_INPUT', `The state file ${source} was refused: ${detail}.`, { reason: 'stateFileRefused', params: { file: source, detail } });
  let read: Awaited<ReturnType<typeof readRegularFileBounded>>;
  try {
    read = await readRegularFileBounded(path, MAX_STATE_FILE_BYTES);
  } catch (error) {
    throw refused(openFailure(error).replace(/\.$/, ''));
  }
  if (!read.ok) {
    if (read.problem === 'missing') throw refused('it does not exist');
    if (read.problem === 'symlink') throw refused('it is a symbolic link; name the file it points to');
    if (read.problem === 'notAFile') throw refused(notAFile(read.info).replace(/\.$/, ''));
    throw refused(`it is larger than ${MAX_STATE_FILE_BYTES / 1024 / 1024} MiB`);
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(read.bytes);
  } catch {
    throw refused('it is not UTF-8 text');
  }
  return parseStateText(text.replace(/^\ufeff/, ''), formatOption(format, path), source);
}
