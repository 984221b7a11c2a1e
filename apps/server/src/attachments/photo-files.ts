import crypto from 'node:crypto';
import type { Readable } from 'node:stream';
import { invalid } from '@civicgrid/domain';
import sharp from 'sharp';
import type { FileStore } from './file-store.js';
import { ACCEPTED_IMAGE_TYPES, EXTENSION_OF_TYPE, imageTypeOf, type ImageType } from './image-type.js';

export interface PhotoLimits {
  maxBytes: number;
}

export const DEFAULT_PHOTO_LIMITS: PhotoLimits = { maxBytes: 10 * 1024 * 1024 };

const THUMBNAIL_LONG_SIDE = 320;
const SHARP_FORMAT_OF_TYPE: Record<ImageType, string> = { 'image/jpeg': 'jpeg', 'image/png': 'png', 'image/webp': 'webp' };

/** A checked photo, written to the store with its thumbnail: what a row of incident_attachments or visit_photos points at. */
export interface StoredPhoto {
  storageKey: string;
  thumbnailKey: string;
  mimeType: ImageType;
  byteSize: number;
  sha256: string;
  width: number;
  height: number;
}

export interface PhotoFile {
  stream: Readable;
  mimeType: string;
  byteSize: number;
}

const megabytes = (bytes: number) => `${Number((bytes / 1024 / 1024).toFixed(1))} MB`;

/**
 * Photos of incidents and of visits, in one content store. The bytes decide the type, never the name; a photo is
 * stored under its SHA-256, so the same bytes uploaded again write nothing new.
 */
export class PhotoFiles {
  constructor(
    private readonly store: FileStore,
    private readonly limits: PhotoLimits = DEFAULT_PHOTO_LIMITS,
  ) {}

  get maxBytes(): number {
    return this.limits.maxBytes;
  }

  /** Checks the bytes are a photo that can be read, and stores it and its thumbnail (once per content). */
  async put(bytes: Buffer): Promise<StoredPhoto> {
    if (bytes.length > this.limits.maxBytes) {
      throw invalid('attachment.too_large', `照片不能超过 ${megabytes(this.limits.maxBytes)}`, `A photo may be at most ${megabytes(this.limits.maxBytes)}`,
        { maxBytes: this.limits.maxBytes });
    }
    const mimeType = imageTypeOf(bytes);
    if (!mimeType) {
      throw invalid('attachment.unsupported_type', '只接受 JPEG、PNG 或 WebP 格式的照片', 'Only JPEG, PNG and WebP photos are accepted',
        { accepted: ACCEPTED_IMAGE_TYPES });
    }
    const image = await decode(bytes, mimeType);
    if (!image) throw invalid('attachment.unreadable', '照片无法读取，文件可能已损坏或不完整', 'The photo cannot be read; the file may be damaged or incomplete');
    const sha256 = crypto.createHash('sha256').update(bytes).digest('hex');
    const storageKey = `photos/${sha256.slice(0, 2)}/${sha256}.${EXTENSION_OF_TYPE[mimeType]}`;
    const thumbnailKey = `thumbnails/${sha256.slice(0, 2)}/${sha256}.jpg`;
    // Files first: a row never points at a missing file; a failed insert leaves only files a retry reuses.
    if (!(await this.store.exists(storageKey))) await this.store.put(storageKey, bytes);
    if (!(await this.store.exists(thumbnailKey))) await this.store.put(thumbnailKey, image.thumbnail);
    return { storageKey, thumbnailKey, mimeType, byteSize: bytes.length, sha256, width: image.width, height: image.height };
  }

  /** The photo as uploaded. */
  open(photo: { storageKey: string; mimeType: string }): Promise<PhotoFile> {
    return this.openFile(photo.storageKey, photo.mimeType);
  }

  /** The thumbnail; rows from before thumbnails existed show the photo itself. */
  openThumbnail(photo: { storageKey: string; mimeType: string; thumbnailKey: string | null }): Promise<PhotoFile> {
    return photo.thumbnailKey ? this.openFile(photo.thumbnailKey, 'image/jpeg') : this.openFile(photo.storageKey, photo.mimeType);
  }

  private async openFile(key: string, mimeType: string): Promise<PhotoFile> {
    const byteSize = await this.store.size(key);
    // A row whose file is gone is lost data, a server fault rather than the caller's mistake.
    if (byteSize === null) throw new Error(`attachment file ${key} is missing from the file store`);
    return { stream: this.store.read(key), mimeType, byteSize };
  }
}

/** Size as shown (EXIF orientation applied) and a JPEG thumbnail, or null when the decoder refuses the bytes. */
async function decode(bytes: Buffer, mimeType: ImageType): Promise<{ width: number; height: number; thumbnail: Buffer } | null> {
  try {
    // 'error' rather than the default 'warning': phone cameras write JPEGs with harmless warnings;
    // truncated or corrupt data is still refused.
    const image = sharp(bytes, { failOn: 'error' });
    const metadata = await image.metadata();
    if (metadata.format !== SHARP_FORMAT_OF_TYPE[mimeType]) return null;
    const thumbnail = await image
      .autoOrient()
      // transparent parts of a PNG or WebP would turn black in a JPEG
      .flatten({ background: '#ffffff' })
      .resize(THUMBNAIL_LONG_SIDE, THUMBNAIL_LONG_SIDE, { fit: 'inside', withoutEnlargement: true })
      .jpeg({ quality: 80 })
      .toBuffer();
    return { width: metadata.autoOrient.width, height: metadata.autoOrient.height, thumbnail };
  } catch {
    return null;
  }
}
