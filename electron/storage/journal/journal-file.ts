import { constants } from 'node:fs';
import type { Hash } from 'node:crypto';
import * as fs from 'node:fs/promises';
import { dirname } from 'node:path';
import type { FileOps } from '../durable-write';
import { EXCLUSIVE_CREATE } from '../durable-write';
import { stampText } from '../disk-stamp';
import { kindOf, NotARegularFile } from '../regular-file';
import { syncFolder } from '../durable-write';
import type { FileSeen } from './file-seen';

/** Appends only, never through a symlink, never blocking on a FIFO planted there. */
const APPEND = constants.O_WRONLY | constants.O_APPEND | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0);

const stampOfHandle = async (handle: fs.FileHandle): Promise<string> => stampText(await handle.stat({ bigint: true }));

/**
 * The journal being appended to: one handle kept open, one write and one
 * fsync per saved change. It knows its good length and the running hash of
 * those bytes; anything past them (a torn last line from a crash, the rest of
 * a failed append) is cut off before the next append.
 */
export class JournalFile {
  private handle: fs.FileHandle | undefined;
  /** Bytes past `seen.size` may be on disk (torn or failed): truncate before appending. */
  private untidy: boolean;

  constructor(
    readonly number: number,
    /** The good bytes: size and running hash. */
    readonly seen: FileSeen & { running: Hash },
    untidy: boolean,
    private readonly ops: FileOps = fs,
  ) {
    this.untidy = untidy;
  }

  /** Creates a new, empty journal (never over anything: a file or link already there is refused) and makes its name durable. */
  static async create(path: string, number: number, running: Hash, ops: FileOps = fs): Promise<JournalFile> {
    const handle = await ops.open(path, EXCLUSIVE_CREATE, 0o600);
    try {
      await handle.sync();
      const stamp = await stampOfHandle(handle);
      await syncFolder(dirname(path), ops);
      const journal = new JournalFile(number, { path, stamp, size: 0, running }, false, ops);
      journal.handle = handle;
      return journal;
    } catch (error) {
      await handle.close().catch(() => undefined);
      throw error;
    }
  }

  /** Appends `bytes` and fsyncs: when this resolves, the change is on disk. */
  async append(bytes: Uint8Array): Promise<void> {
    let handle: fs.FileHandle;
    try {
      handle = await this.open();
      if (this.untidy) await handle.truncate(this.seen.size);
      this.untidy = true;
      let written = 0;
      while (written < bytes.byteLength) written += (await handle.write(bytes, written, bytes.byteLength - written)).bytesWritten;
      await handle.sync();
      this.untidy = false;
      this.seen.tail = false;
      this.seen.size += bytes.byteLength;
      this.seen.running.update(bytes);
    } catch (error) {
      await this.tidy();
      await this.close(); // opened afresh next time
      throw error;
    }
    // The change is on disk: a stamp that cannot be taken must not report it unsaved (a retry would repeat its seq).
    // An empty stamp matches no file, so the next check compares by content.
    this.seen.stamp = await stampOfHandle(handle).catch(() => '');
  }

  /** After a failed append: cut off what it left at once (freeing space never needs space), so the file is again exactly as seen. */
  private async tidy(): Promise<void> {
    const handle = this.handle;
    if (!handle) return;
    try {
      await handle.truncate(this.seen.size);
      this.untidy = false;
      this.seen.stamp = await stampOfHandle(handle);
      this.seen.tail = false;
    } catch {
      this.seen.tail = true; // cut off before the next append; until then the bytes past `size` are ours
    }
  }

  /**
   * Before this journal stops being the last one: cuts off whatever is past
   * the good bytes (a torn line from a crash, the rest of a failed append)
   * and makes that durable. Only the last journal may end in a torn line.
   */
  async finish(): Promise<void> {
    const handle = await this.open();
    await handle.truncate(this.seen.size);
    await handle.sync();
    this.untidy = false;
    this.seen.tail = false;
    this.seen.stamp = await stampOfHandle(handle);
  }

  async close(): Promise<void> {
    const handle = this.handle;
    this.handle = undefined;
    await handle?.close().catch(() => undefined);
  }

  private async open(): Promise<fs.FileHandle> {
    if (this.handle) return this.handle;
    const handle = await this.ops.open(this.seen.path, APPEND);
    const info = await handle.stat();
    if (!info.isFile()) {
      await handle.close().catch(() => undefined);
      throw new NotARegularFile(this.seen.path, kindOf(info));
    }
    this.handle = handle;
    return handle;
  }
}
