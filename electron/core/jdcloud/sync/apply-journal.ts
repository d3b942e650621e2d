import { constants } from 'node:fs';
import { open } from 'node:fs/promises';
import { join } from 'node:path';
import type { ApplyReport } from '../../../shared/jdcloud/types';

export const APPLY_JOURNAL_FILE = 'jdcloud-applies.jsonl';
/** How far back from the end lastApply looks for a complete line (a report of 200,000 items fits). */
const MAX_LINE_BYTES = 256 * 1024 * 1024;
const CHUNK = 64 * 1024;

/**
 * Apply reports, one JSON line each, appended and synced to disk: a crash
 * mid-write leaves at most one broken last line, which lastApply skips and
 * the next append starts after. Reports hold no secret (plans never do).
 */
export function applyJournal(dataDir: string) {
  const file = join(dataDir, APPLY_JOURNAL_FILE);

  return {
    file,

    async append(report: ApplyReport): Promise<void> {
      // O_NOFOLLOW: a planted symlink is refused rather than followed.
      // Read and write on one handle: the last byte says whether a torn line needs ending first.
      const handle = await open(file, constants.O_RDWR | constants.O_APPEND | constants.O_CREAT | constants.O_NOFOLLOW, 0o600);
      try {
        const { size } = await handle.stat();
        let lead = '';
        if (size > 0) {
          const last = Buffer.alloc(1);
          await handle.read(last, 0, 1, size - 1);
          if (last[0] !== 0x0a) lead = '\n'; // after a torn line, start a fresh one
        }
        await handle.write(`${lead}${JSON.stringify(report)}\n`);
        await handle.sync();
      } finally {
        await handle.close();
      }
    },

    /** The newest complete report, or null when there is none. */
    async last(): Promise<ApplyReport | null> {
      let handle;
      try {
        handle = await open(file, constants.O_RDONLY | constants.O_NOFOLLOW);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw error;
      }
      try {
        const { size } = await handle.stat();
        // Read backwards until the text holds a complete line that parses, newest first.
        let end = size;
        let tail = Buffer.alloc(0);
        while (end > 0 && tail.length <= MAX_LINE_BYTES) {
          const start = Math.max(0, end - CHUNK);
          const chunk = Buffer.alloc(end - start);
          await handle.read(chunk, 0, chunk.length, start);
          tail = Buffer.concat([chunk, tail]);
          end = start;
          const lines = tail.toString('utf8').split('\n');
          // The first piece may be cut unless the file's start was reached.
          const complete = end === 0 ? lines : lines.slice(1);
          for (const line of complete.reverse()) {
            const report = parseReport(line);
            if (report) return report;
          }
        }
        return null;
      } finally {
        await handle.close();
      }
    },
  };
}

function parseReport(line: string): ApplyReport | null {
  if (!line.trim()) return null;
  try {
    const value = JSON.parse(line) as unknown;
    return value && typeof value === 'object' && Array.isArray((value as ApplyReport).results) ? (value as ApplyReport) : null;
  } catch {
    return null; // a line torn by a crash
  }
}
