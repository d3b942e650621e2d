import { basename } from 'node:path';
import type { AccessKeyService } from '../access-keys/service';
import type { ClipboardGuard } from '../clipboard-guard';
import { AppError } from '../../shared/errors';
import type { ChosenFiles } from '../ports/chosen-files';
import { truncateText } from '../../shared/text-rules';
import { AUTHORIZATION_DESCRIPTION_MAX } from '../../shared/authorizations/rules';
import type { AuthorizationService } from '../authorizations/service';
import { fingerprintOf } from './fingerprint';
import { buildKeyFile, handoffText, keyFileName, keyFileText } from './format';
import type { KeyFile } from '../../shared/key-files/format';
import { MAX_IMPORT_ITEMS, MAX_KEY_FILE_BYTES, MAX_SOURCE_CHARS, TOO_BIG, TOO_MANY } from '../../shared/key-files/import-rules';
import { parseHandoffText, parseKeyFile, type KeyFileResult } from './parse';
import type { ImportableKey, KeyCandidate, KeyFileExport, KeyImportPreviewEntry, KeyImportSummary } from '../../shared/key-files/types';

/** The file dialogs, owned by main: the renderer never names a path. */
export interface FileDialogs {
  chooseSavePath(defaultName: string): Promise<string | null>;
  chooseKeyFiles(): Promise<string[]>;
}

export interface KeyFileDeps {
  accessKeys: AccessKeyService;
  authorizations: AuthorizationService;
  clipboard: ClipboardGuard;
  dialogs: FileDialogs;
  /** The file adapter (adapters/files). */
  files: ChosenFiles;
  now?: () => Date;
}

const importable = (file: KeyFile): ImportableKey => ({
  accessKeyId: file.accessKeyId,
  apiKey: file.apiKey,
  name: file.name,
  description: file.description,
  createdAt: file.createdAt,
  exportedAt: file.exportedAt,
  fingerprint: fingerprintOf(file.apiKey),
});

const parseCandidate = (candidate: KeyCandidate): KeyFileResult =>
  candidate.kind === 'handoff' ? parseHandoffText(candidate.text) : parseKeyFile(Buffer.from(candidate.base64, 'base64'));

/** The authorization's description, from what the caller wrote about the key. */
const descriptionFor = (file: Pick<KeyFile, 'name' | 'description'>): string =>
  truncateText(file.description ? `${file.name}: ${file.description}` : file.name, AUTHORIZATION_DESCRIPTION_MAX).trim();

/**
 * The handoff between teams: the caller exports the APIKey (never the secret)
 * as a file or a line of text; the provider previews and imports it as an
 * authorization. Every import is treated as hostile input.
 */
export function createKeyFileService({ accessKeys, authorizations, clipboard, dialogs, files, now = () => new Date() }: KeyFileDeps) {
  function preview(candidates: readonly KeyCandidate[]): KeyImportPreviewEntry[] {
    const seen = new Set<string>();
    return candidates.map((candidate): KeyImportPreviewEntry => {
      const parsed = parseCandidate(candidate);
      if (!parsed.ok) return { source: candidate.source, status: 'rejected', reason: parsed.reason };
      const key = importable(parsed.file);
      // Either identifier: one access key, one authorization.
      if (seen.has(key.apiKey) || seen.has(key.accessKeyId)) {
        return { source: candidate.source, status: 'duplicate', key, reason: 'The same access key (its APIKey or Access Key ID) is in another item of this import.' };
      }
      seen.add(key.apiKey).add(key.accessKeyId);
      const existingId = authorizations.existingFor({ kind: 'apiKey', value: key.apiKey }, key.accessKeyId);
      return existingId ? { source: candidate.source, status: 'alreadyAuthorized', key, existingId } : { source: candidate.source, status: 'new', key };
    });
  }

  return {
    async exportFile(id: string): Promise<KeyFileExport> {
      const key = accessKeys.get(id);
      const path = await dialogs.chooseSavePath(keyFileName(key));
      if (!path) return { saved: false };
      await files.write(path, keyFileText(buildKeyFile(key, now())));
      return { saved: true, path, fingerprint: fingerprintOf(key.apiKey) };
    },

    async copyHandoffText(id: string): Promise<{ fingerprint: string }> {
      const key = accessKeys.get(id);
      await clipboard.copyText(handoffText(buildKeyFile(key, now())));
      return { fingerprint: fingerprintOf(key.apiKey) };
    },

    /**
     * Opens the file dialog and reads what was chosen, as a drop would: the first
     * 200 files, each through one handle and never past 64 KiB; the rest get a reason.
     */
    async chooseFiles(): Promise<{ candidates: KeyCandidate[]; refused: Array<{ source: string; reason: string }> }> {
      const candidates: KeyCandidate[] = [];
      const refused: Array<{ source: string; reason: string }> = [];
      for (const [index, path] of (await dialogs.chooseKeyFiles()).entries()) {
        const source = truncateText(basename(path), MAX_SOURCE_CHARS, '…');
        if (index >= MAX_IMPORT_ITEMS) {
          refused.push({ source, reason: TOO_MANY });
          continue;
        }
        const read = await files.read(path, MAX_KEY_FILE_BYTES, TOO_BIG);
        if (read.ok) candidates.push({ source, kind: 'file', base64: Buffer.from(read.bytes).toString('base64') });
        else refused.push({ source, reason: read.reason });
      }
      return { candidates, refused };
    },

    preview,

    /** Creates one authorization per new key; never touches one that exists. `progress` hears each item done. */
    async importKeys(candidates: readonly KeyCandidate[], progress?: (done: number, total: number) => void): Promise<KeyImportSummary> {
      const summary: KeyImportSummary = { created: [], alreadyAuthorized: [], rejected: [] };
      const entries = preview(candidates);
      let reported = 0;
      const report = (done: number): void => {
        reported = done;
        progress?.(done, entries.length);
      };
      report(0);
      // The last word is always "all done", even when an item throws: the window's progress never hangs.
      try {
        for (const [index, entry] of entries.entries()) {
          if (entry.status === 'rejected' || entry.status === 'duplicate') {
            summary.rejected.push({ source: entry.source, reason: entry.reason });
          } else if (entry.status === 'alreadyAuthorized') {
            summary.alreadyAuthorized.push({ source: entry.source, existingId: entry.existingId, apiKey: entry.key.apiKey });
          } else {
            try {
              // Both identifiers, so typing the Access Key ID later finds this authorization.
              const created = await authorizations.create({
                callerKey: { kind: 'apiKey', value: entry.key.apiKey },
                accessKeyId: entry.key.accessKeyId,
                description: descriptionFor(entry.key),
              });
              summary.created.push({ source: entry.source, authorizationId: created.id, apiKey: entry.key.apiKey, fingerprint: entry.key.fingerprint });
            } catch (error) {
              if (error instanceof AppError && error.code === 'ALREADY_EXISTS' && error.existingId) {
                summary.alreadyAuthorized.push({ source: entry.source, existingId: error.existingId, apiKey: entry.key.apiKey });
              } else if (error instanceof AppError) {
                summary.rejected.push({ source: entry.source, reason: error.message });
              } else {
                throw error;
              }
            }
          }
          report(index + 1);
        }
      } finally {
        if (reported < entries.length) report(entries.length);
      }
      return summary;
    },
  };
}

export type KeyFileService = ReturnType<typeof createKeyFileService>;
