/** Why a data folder cannot be written at all; each has its own words and fix. */
export type CannotWrite = { cause: 'readOnlyFolder' | 'diskFull'; code: string };

const READ_ONLY = new Set(['EROFS', 'EACCES', 'EPERM']);
const FULL = new Set(['ENOSPC', 'EDQUOT']);

/** The error of a write that failed because the folder is read-only or the disk full; undefined for anything else. */
export function cannotWriteReason(error: unknown): CannotWrite | undefined {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code && READ_ONLY.has(code)) return { cause: 'readOnlyFolder', code };
  if (code && FULL.has(code)) return { cause: 'diskFull', code };
  return undefined;
}

/** The read-only status text: what is wrong and what to do about it. */
export function describeCannotWrite({ cause, code }: CannotWrite, folder: string): string {
  return cause === 'diskFull'
    ? `The disk is full (${code}): Gatekey cannot write in ${folder}, so it opened your data read-only. Free some space on that disk, then restart Gatekey.`
    : `The data folder is read-only (${code}): Gatekey cannot write in ${folder}, so it opened your data read-only. Make the folder writable (check its permissions, or whether its disk is mounted read-only), then restart Gatekey.`;
}
