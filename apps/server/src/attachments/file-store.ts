import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Readable } from 'node:stream';

/** Where uploaded files live, by key ("photos/ab/ab12….jpg"). A key names one content for ever. */
export interface FileStore {
  put(key: string, data: Buffer): Promise<void>;
  read(key: string): Readable;
  exists(key: string): Promise<boolean>;
  /** The stored size in bytes, or null when nothing is stored under the key. */
  size(key: string): Promise<number | null>;
}

const SAFE_SEGMENT = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

/** Files under one directory (DATA_DIR/attachments), each written whole or not at all. */
export class LocalFileStore implements FileStore {
  private readonly root: string;

  constructor(rootDirectory: string) {
    this.root = path.resolve(rootDirectory);
  }

  async put(key: string, data: Buffer): Promise<void> {
    const target = this.pathOf(key);
    await fs.promises.mkdir(path.dirname(target), { recursive: true });
    // Written beside the target and renamed over it: a reader never sees half a file, and a crash leaves
    // only a temporary file behind, never a truncated photo under its real key.
    const temporary = `${target}.${crypto.randomUUID()}.partial`;
    try {
      const handle = await fs.promises.open(temporary, 'wx');
      try {
        await handle.writeFile(data);
        await handle.sync();
      } finally {
        await handle.close();
      }
      await fs.promises.rename(temporary, target);
    } catch (error) {
      await fs.promises.rm(temporary, { force: true });
      throw error;
    }
  }

  read(key: string): Readable {
    return fs.createReadStream(this.pathOf(key));
  }

  async exists(key: string): Promise<boolean> {
    return (await this.size(key)) !== null;
  }

  async size(key: string): Promise<number | null> {
    try {
      const stats = await fs.promises.stat(this.pathOf(key));
      return stats.isFile() ? stats.size : null;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
  }

  /** Keys are made by the server, but a key that could leave the root is refused all the same. */
  private pathOf(key: string): string {
    const segments = key.split('/');
    if (key.length === 0 || path.isAbsolute(key) || !segments.every((segment) => SAFE_SEGMENT.test(segment) && !segment.includes('..'))) {
      throw new Error(`unsafe file store key: ${JSON.stringify(key)}`);
    }
    const resolved = path.resolve(this.root, ...segments);
    if (!resolved.startsWith(this.root + path.sep)) throw new Error(`unsafe file store key: ${JSON.stringify(key)}`);
    return resolved;
  }
}
