import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

const KEY = /^imports\/[0-9a-f-]{36}$/;

/**
 * Uploaded import files under DATA_DIR/imports, streamed to disk as they arrive (never held in memory)
 * and kept until their job has ended. Keys are made here; a key that is not one of ours is refused.
 */
export class ImportFileStore {
  private readonly root: string;

  constructor(dataDirectory: string) {
    this.root = path.resolve(dataDirectory);
  }

  /** Streams an upload to disk; returns its key, size and first bytes (to recognise its format). */
  async receive(input: Readable): Promise<{ key: string; byteSize: number; head: Buffer }> {
    const key = `imports/${crypto.randomUUID()}`;
    const target = this.pathOf(key);
    await fs.promises.mkdir(path.dirname(target), { recursive: true });
    let head = Buffer.alloc(0);
    let byteSize = 0;
    input.on('data', (chunk: Buffer) => {
      if (head.length < 8) head = Buffer.concat([head, chunk.subarray(0, 8 - head.length)]);
      byteSize += chunk.length;
    });
    try {
      await pipeline(input, fs.createWriteStream(`${target}.partial`, { flags: 'wx' }));
      await fs.promises.rename(`${target}.partial`, target);
    } catch (error) {
      await fs.promises.rm(`${target}.partial`, { force: true });
      throw error;
    }
    return { key, byteSize, head };
  }

  pathOf(key: string): string {
    if (!KEY.test(key)) throw new Error(`not an import file key: ${JSON.stringify(key)}`);
    return path.join(this.root, ...key.split('/'));
  }

  async exists(key: string): Promise<boolean> {
    return fs.promises.access(this.pathOf(key)).then(() => true, () => false);
  }

  async remove(key: string): Promise<void> {
    await fs.promises.rm(this.pathOf(key), { force: true });
  }
}
