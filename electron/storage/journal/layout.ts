import { readdir } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { STORE_PARTS, type StorePart } from '../../shared/store/schema';

/** What a file name in the data folder is to the journaled store. */
export type LayoutName = { kind: 'snapshot'; part: StorePart; generation: number } | { kind: 'journal'; number: number };

/**
 * The names of one journaled store's files, all in the manifest's folder and
 * named after it (`gatekey-store.json` → `gatekey-store.accessKeys.3.json`,
 * `gatekey-store.journal.3.jsonl`). A backup folder holds the same names.
 */
export class StoreLayout {
  readonly folder: string;
  private readonly stem: string;
  private readonly pattern: RegExp;

  constructor(readonly manifest: string) {
    this.folder = dirname(manifest);
    this.stem = basename(manifest, '.json');
    const stem = this.stem.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    this.pattern = new RegExp(`^${stem}\\.(?:(${STORE_PARTS.join('|')})\\.([1-9][0-9]{0,14})\\.json|journal\\.([1-9][0-9]{0,14})\\.jsonl)$`);
  }

  /** The same names in another folder (a backup of this store). */
  in(folder: string): StoreLayout {
    return new StoreLayout(join(folder, basename(this.manifest)));
  }

  snapshotName(part: StorePart, generation: number): string {
    return `${this.stem}.${part}.${generation}.json`;
  }

  journalName(number: number): string {
    return `${this.stem}.journal.${number}.jsonl`;
  }

  path(name: string): string {
    return join(this.folder, name);
  }

  journalPath(number: number): string {
    return this.path(this.journalName(number));
  }

  /** A name this store writes, or undefined: anything else (a path, `..`, another program's file) is not ours. */
  parse(name: string): LayoutName | undefined {
    const match = this.pattern.exec(name);
    if (!match) return undefined;
    if (match[3]) return { kind: 'journal', number: Number(match[3]) };
    return { kind: 'snapshot', part: match[1] as StorePart, generation: Number(match[2]) };
  }

  /** Every name of this store's snapshots and journals in the folder (not the manifest, not temp files). */
  async names(): Promise<Array<{ name: string; is: LayoutName }>> {
    let names: string[];
    try {
      names = await readdir(this.folder);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw error;
    }
    return names.flatMap((name) => {
      const is = this.parse(name);
      return is ? [{ name, is }] : [];
    });
  }

  /** A number higher than any snapshot generation or journal in the folder: new files never take an old name. */
  async nextNumber(): Promise<number> {
    let highest = 0;
    for (const { is } of await this.names()) highest = Math.max(highest, is.kind === 'journal' ? is.number : is.generation);
    return highest + 1;
  }
}
