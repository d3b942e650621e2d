import { describe, expect, it } from 'vitest';
import type { AuthorizationService } from '../../../../electron/core/authorizations/service';
import { buildKeyFile, handoffText } from '../../../../electron/core/key-files/format';
import { createKeyFileService, type KeyFileDeps } from '../../../../electron/core/key-files/service';
import { key } from '../../../support/store-records';

// The import's progress alone, over stand-in services: the second create fails
// with an unexpected error, which no real store failure can be made to do on cue.

const candidate = (n: number) => ({ source: `key-${n}`, kind: 'handoff' as const, text: handoffText(buildKeyFile(key(n), new Date('2026-11-29T10:00:00Z'))) });

function serviceFailingAt(failAt: number) {
  let creates = 0;
  const authorizations = {
    existingFor: () => undefined,
    create: async () => {
      creates += 1;
      if (creates === failAt) throw new Error('disk on fire');
      return { id: `auth${creates}`.padEnd(12, '0') };
    },
  } as unknown as AuthorizationService;
  return createKeyFileService({ authorizations } as unknown as KeyFileDeps);
}

describe('importKeys progress', () => {
  it('ends on total of total when an item throws, and the import still fails', async () => {
    const progress: Array<[number, number]> = [];
    const service = serviceFailingAt(2);
    await expect(service.importKeys([1, 2, 3, 4].map(candidate), (done, total) => progress.push([done, total]))).rejects.toThrow('disk on fire');
    expect(progress).toEqual([[0, 4], [1, 4], [4, 4]]);
  });

  it('reports each item once when nothing fails, and 0 of 0 once for an empty import', async () => {
    const progress: Array<[number, number]> = [];
    const summary = await serviceFailingAt(0).importKeys([1, 2].map(candidate), (done, total) => progress.push([done, total]));
    expect(summary.created).toHaveLength(2);
    expect(progress).toEqual([[0, 2], [1, 2], [2, 2]]);

    const empty: Array<[number, number]> = [];
    await serviceFailingAt(0).importKeys([], (done, total) => empty.push([done, total]));
    expect(empty).toEqual([[0, 0]]);
  });
});
