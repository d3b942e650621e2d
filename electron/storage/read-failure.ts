import { StoreFileProblem } from './parse-store-file';
import { FileTooLarge, NotARegularFile } from './regular-file';

/** Why the store file could not be opened, in words for the user. */
export function describeReadFailure(error: unknown): string {
  if (error instanceof StoreFileProblem) return error.message;
  if (error instanceof NotARegularFile) return `The path is ${error.kind}, not a file, so Gatekey did not open it. Move it away or put the data file there, then restart Gatekey.`;
  if (error instanceof FileTooLarge) {
    const mib = (bytes: number) => `${Math.round(bytes / (1024 * 1024))} MiB`;
    return `The file is ${mib(error.info.size)}, larger than the ${mib(error.limit)} Gatekey reads, so it was not opened (Gatekey's data file is a few MB, even with thousands of keys). It may have been replaced by something else; move it away or put the data file there, then restart Gatekey.`;
  }
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'EACCES' || code === 'EPERM') return 'Gatekey is not allowed to read the file (permission denied).';
  if (code === 'EISDIR') return 'The path is a folder, not a file.';
  return `The file could not be read (${code ?? (error as Error).message}).`;
}
