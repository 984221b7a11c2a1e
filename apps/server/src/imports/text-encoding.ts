import fs from 'node:fs';

/** How a CSV file is written: the label shown to users, and what iconv-lite decodes it with. */
export interface TextEncoding {
  label: 'utf-8' | 'gbk' | 'utf-16le' | 'utf-16be';
  decoder: 'utf8' | 'gb18030' | 'utf16le' | 'utf16be';
}

const UTF8: TextEncoding = { label: 'utf-8', decoder: 'utf8' };
// GB18030 is a superset of GBK and GB2312: one decoder reads what Chinese Excel and WPS save as "CSV".
const GBK: TextEncoding = { label: 'gbk', decoder: 'gb18030' };
const SAMPLE_BYTES = 64 * 1024;

function encodingOfBom(head: Buffer): TextEncoding | undefined {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return UTF8;
  if (head[0] === 0xff && head[1] === 0xfe) return { label: 'utf-16le', decoder: 'utf16le' };
  if (head[0] === 0xfe && head[1] === 0xff) return { label: 'utf-16be', decoder: 'utf16be' };
  return undefined;
}

/** Whether bytes are UTF-8; a character cut off at the end of the sample does not count against it. */
export function isUtf8(sample: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(sample, { stream: true });
    return true;
  } catch {
    return false;
  }
}

/**
 * The encoding of a text file: its byte-order mark if it has one; otherwise UTF-8 if the first 64 KB from the
 * first non-ASCII byte are valid UTF-8, else GBK. A header of English keys is plain ASCII in either, so the
 * sample starts where the first Chinese character does, however far into the file that is.
 */
export async function detectEncoding(filePath: string): Promise<TextEncoding> {
  const handle = await fs.promises.open(filePath, 'r');
  try {
    const buffer = Buffer.alloc(SAMPLE_BYTES);
    let position = 0;
    for (;;) {
      const { bytesRead } = await handle.read(buffer, 0, SAMPLE_BYTES, position);
      if (bytesRead === 0) return UTF8;
      const chunk = buffer.subarray(0, bytesRead);
      if (position === 0) {
        const byBom = encodingOfBom(chunk);
        if (byBom) return byBom;
      }
      const firstNonAscii = chunk.findIndex((byte) => byte >= 0x80);
      if (firstNonAscii >= 0) {
        const sample = Buffer.alloc(SAMPLE_BYTES);
        const read = await handle.read(sample, 0, SAMPLE_BYTES, position + firstNonAscii);
        return isUtf8(sample.subarray(0, read.bytesRead)) ? UTF8 : GBK;
      }
      position += bytesRead;
    }
  } finally {
    await handle.close();
  }
}
