import { writeChosenFile } from '../adapters/files/write-chosen-file';
import type { CliIo } from './context';

/**
 * Writes an export to --out (never through a symlink, into a FIFO or a folder)
 * or to standard output. Text for stdout loses its last line break: io.out adds one.
 */
export async function writeOutput(io: CliIo, text: string, out: string | undefined): Promise<void> {
  if (out === undefined) io.out(text.replace(/\r?\n$/, ''));
  else await writeChosenFile(out, text);
}
