import { randomBytes } from 'node:crypto';
import { constants } from 'node:fs';
import { open, rename, rm } from 'node:fs/promises';

const NO_FOLLOW = constants.O_NOFOLLOW ?? 0;

interface RefusalLine {
  outcome: string;
  count?: number;
  since?: string;
  time?: string;
}

const isRefusal = (line: RefusalLine) => line.outcome.startsWith('refused');

/**
 * Rewrites the log with every refusal line folded into one (their counts
 * added, from the earliest time), keeping every reveal and copy line as it
 * was. Answers the new size. The new file is written beside it, created
 * exclusively, fsync'd, then renamed over: a crash leaves one whole log.
 */
export async function compactRefusals(file: string, at: Date): Promise<number> {
  const reading = await open(file, constants.O_RDONLY | NO_FOLLOW);
  const text = await reading.readFile('utf8').finally(() => reading.close());
  const kept: string[] = [];
  let count = 0;
  let since: string | undefined;
  for (const raw of text.split('\n')) {
    if (raw === '') continue;
    const line = parse(raw);
    if (!line || !isRefusal(line)) {
      kept.push(raw);
      continue;
    }
    count += line.count ?? 1;
    const first = line.since ?? line.time;
    if (first !== undefined && (since === undefined || first < since)) since = first;
  }
  if (count > 0) kept.push(JSON.stringify({ time: at.toISOString(), outcome: 'refused: RATE_LIMITED', count, since: since ?? at.toISOString(), compacted: true }));
  const next = `${kept.join('\n')}\n`;

  const temp = `${file}.${randomBytes(6).toString('hex')}.tmp`;
  const writing = await open(temp, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | NO_FOLLOW, 0o600);
  try {
    await writing.writeFile(next);
    await writing.sync();
  } catch (error) {
    await writing.close();
    await rm(temp, { force: true });
    throw error;
  }
  await writing.close();
  await rename(temp, file);
  return Buffer.byteLength(next);
}

/** A line that is not JSON (a torn write, a hand edit) is kept as it is, never dropped. */
function parse(raw: string): RefusalLine | undefined {
  try {
    const value: unknown = JSON.parse(raw);
    return typeof value === 'object' && value !== null && typeof (value as RefusalLine).outcome === 'string' ? (value as RefusalLine) : undefined;
  } catch {
    return undefined;
  }
}
