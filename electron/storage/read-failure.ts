import { StoreFileProblem } from './parse-store-file';

/** Why the store file could not be opened, in words for the user. */
export function describeReadFailure(error: unknown): string {
  if (error instanceof StoreFileProblem) return error.message;
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'EACCES' || code === 'EPERM') return 'Gatekey is not allowed to read the file (permission denied).';
  if (code === 'EISDIR') return 'The path is a folder, not a file.';
  return `The file could not be read (${code ?? (error as Error).message}).`;
}
