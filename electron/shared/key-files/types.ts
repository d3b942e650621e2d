/** Key-file import and export shapes shared with the renderer (pure types). */

/** Something to import: a file's raw bytes (base64, so encoding problems survive the trip) or pasted handoff text. */
export type KeyCandidate = { source: string; kind: 'file'; base64: string } | { source: string; kind: 'handoff'; text: string };

export interface ImportableKey {
  accessKeyId: string;
  apiKey: string;
  name: string;
  description: string;
  createdAt: string;
  exportedAt: string;
  fingerprint: string;
}

export type KeyImportPreviewEntry =
  | { source: string; status: 'new'; key: ImportableKey }
  | { source: string; status: 'alreadyAuthorized'; key: ImportableKey; existingId: string }
  | { source: string; status: 'duplicate'; key: ImportableKey; reason: string }
  | { source: string; status: 'rejected'; reason: string };

export interface KeyImportSummary {
  created: Array<{ source: string; authorizationId: string; apiKey: string; fingerprint: string }>;
  alreadyAuthorized: Array<{ source: string; existingId: string; apiKey: string }>;
  rejected: Array<{ source: string; reason: string }>;
}

export type KeyFileExport = { saved: true; path: string; fingerprint: string } | { saved: false };
