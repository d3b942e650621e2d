import { readFile, stat, writeFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type { AccessKeyService } from '../access-keys/service';
import type { ClipboardGuard } from '../clipboard-guard';
import { AppError } from '../errors';
import type { AuthorizationService } from '../authorizations/service';
import { fingerprintOf } from './fingerprint';
import { buildKeyFile, handoffText, keyFileName, keyFileText, MAX_KEY_FILE_BYTES, type KeyFile } from './format';
import { parseHandoffText, parseKeyFile, type KeyFileResult } from './parse';
import type { ImportableKey, KeyCandidate, KeyFileExport, KeyImportPreviewEntry, KeyImportSummary } from './types';

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
const descriptionFor = (file: Pick<KeyFile, 'name' | 'description'>): string => (file.description ? `${file.name}: ${file.description}` : file.name).slice(0, 256).trim();

/**
 * The handoff between teams: the caller exports the APIKey (never the secret)
 * as a file or a line of text; the provider previews and imports it as an
 * authorization. Every import is treated as hostile input.
 */
export function createKeyFileService({ accessKeys, authorizations, clipboard, dialogs, now = () => new Date() }: KeyFileDeps) {
  function preview(candidates: readonly KeyCandidate[]): KeyImportPreviewEntry[] {
    const seen = new Set<string>();
    return candidates.map((candidate): KeyImportPreviewEntry => {
      const parsed = parseCandidate(candidate);
      if (!parsed.ok) return { source: candidate.source, status: 'rejected', reason: parsed.reason };
      const key = importable(parsed.file);
      if (seen.has(key.apiKey)) return { source: candidate.source, status: 'duplicate', key, reason: 'The same APIKey is in another item of this import.' };
      seen.add(key.apiKey);
      const existingId = authorizations.existingFor({ kind: 'apiKey', value: key.apiKey }) ?? authorizations.existingFor({ kind: 'accessKeyId', value: key.accessKeyId });
      return existingId ? { source: candidate.source, status: 'alreadyAuthorized', key, existingId } : { source: candidate.source, status: 'new', key };
    });
  }

  return {
    async exportFile(id: string): Promise<KeyFileExport> {
      const key = accessKeys.get(id);
      const path = await dialogs.chooseSavePath(keyFileName(key));
      if (!path) return { saved: false };
      try {
        await writeFile(path, keyFileText(buildKeyFile(key, now())), { mode: 0o644 });
      } catch (error) {
        throw new AppError('FILE_WRITE_FAILED', `Could not write ${path} (${(error as NodeJS.ErrnoException).code ?? 'error'}). Choose another folder.`);
      }
      return { saved: true, path, fingerprint: fingerprintOf(key.apiKey) };
    },

    async copyHandoffText(id: string): Promise<{ fingerprint: string }> {
      const key = accessKeys.get(id);
      await clipboard.copyText(handoffText(buildKeyFile(key, now())));
      return { fingerprint: fingerprintOf(key.apiKey) };
    },

    /** Opens the file dialog; files over 64 KiB are refused before being read. */
    async chooseFiles(): Promise<{ candidates: KeyCandidate[]; refused: Array<{ source: string; reason: string }> }> {
      const candidates: KeyCandidate[] = [];
      const refused: Array<{ source: string; reason: string }> = [];
      for (const path of await dialogs.chooseKeyFiles()) {
        const source = basename(path);
        try {
          const info = await stat(path);
          if (!info.isFile()) refused.push({ source, reason: 'It is not a file.' });
          else if (info.size > MAX_KEY_FILE_BYTES) refused.push({ source, reason: `It is larger than ${MAX_KEY_FILE_BYTES / 1024} KiB; a key file is under 1 KiB.` });
          else candidates.push({ source, kind: 'file', base64: (await readFile(path)).toString('base64') });
        } catch (error) {
          refused.push({ source, reason: `It could not be read (${(error as NodeJS.ErrnoException).code ?? 'error'}).` });
        }
      }
      return { candidates, refused };
    },

    preview,

    /** Creates one authorization per new key; never touches one that exists. */
    async importKeys(candidates: readonly KeyCandidate[]): Promise<KeyImportSummary> {
      const summary: KeyImportSummary = { created: [], alreadyAuthorized: [], rejected: [] };
      for (const entry of preview(candidates)) {
        if (entry.status === 'rejected' || entry.status === 'duplicate') {
          summary.rejected.push({ source: entry.source, reason: entry.reason });
        } else if (entry.status === 'alreadyAuthorized') {
          summary.alreadyAuthorized.push({ source: entry.source, existingId: entry.existingId, apiKey: entry.key.apiKey });
        } else {
          try {
            const created = await authorizations.create({ callerKey: { kind: 'apiKey', value: entry.key.apiKey }, description: descriptionFor(entry.key) });
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
      }
      return summary;
    },
  };
}

export type KeyFileService = ReturnType<typeof createKeyFileService>;
