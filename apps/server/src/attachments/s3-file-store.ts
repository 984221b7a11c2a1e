import { Readable } from 'node:stream';
import { GetObjectCommand, HeadObjectCommand, PutObjectCommand, S3Client, S3ServiceException } from '@aws-sdk/client-s3';
import type { FileStore } from './file-store.js';

/** An S3-compatible bucket (AWS S3, MinIO, Ceph RGW, Alibaba OSS or Tencent COS in S3 mode). */
export interface S3StoreSettings {
  /** The service's URL, e.g. http://127.0.0.1:9000; unset means AWS S3 itself. */
  endpoint?: string;
  bucket: string;
  region: string;
  /** Both or neither; neither means the SDK's own chain (AWS_* variables, profiles, instance roles). */
  accessKeyId?: string;
  secretAccessKey?: string;
  /** bucket in the path (http://host/bucket/key) rather than the host name: what MinIO and Ceph expect. */
  forcePathStyle: boolean;
}

const CONTENT_TYPE_OF_EXTENSION: Record<string, string> = { jpg: 'image/jpeg', png: 'image/png', webp: 'image/webp' };

const SAFE_SEGMENT = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

/**
 * Files as objects in one bucket, under the same keys as on disk. A PutObject is whole or nothing, so
 * a reader never sees half a photo. Whatever the service answers other than a missing object (a 404)
 * is thrown as a plain Error: an upload then fails with a 500 instead of pointing at a file that is not there.
 */
export class S3FileStore implements FileStore {
  private readonly client: S3Client;
  private readonly bucket: string;
  private readonly where: string;

  constructor(settings: S3StoreSettings) {
    if ((settings.accessKeyId === undefined) !== (settings.secretAccessKey === undefined)) {
      throw new Error('an S3 access key id and secret access key are given together or not at all');
    }
    this.bucket = settings.bucket;
    this.where = `s3 bucket ${settings.bucket}${settings.endpoint ? ` at ${settings.endpoint}` : ''}`;
    this.client = new S3Client({
      endpoint: settings.endpoint,
      region: settings.region,
      forcePathStyle: settings.forcePathStyle,
      ...(settings.accessKeyId !== undefined && settings.secretAccessKey !== undefined
        ? { credentials: { accessKeyId: settings.accessKeyId, secretAccessKey: settings.secretAccessKey } }
        : {}),
      // The SDK's default CRC32 checksum headers on every request are refused by several S3-compatible
      // services (older MinIO and Ceph, OSS, COS); sent only where an operation requires them.
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
      // a store that stops answering fails the request instead of holding it for ever
      requestHandler: { connectionTimeout: 5_000, requestTimeout: 60_000 },
    });
  }

  async put(key: string, data: Buffer): Promise<void> {
    checkKey(key);
    const extension = key.slice(key.lastIndexOf('.') + 1).toLowerCase();
    try {
      await this.client.send(new PutObjectCommand({
        Bucket: this.bucket,
        Key: key,
        Body: data,
        ContentLength: data.length,
        ContentType: CONTENT_TYPE_OF_EXTENSION[extension] ?? 'application/octet-stream',
      }));
    } catch (error) {
      throw this.failure('put', key, error);
    }
  }

  read(key: string): Readable {
    checkKey(key);
    // The interface hands back a stream at once; the request starts when the stream is first read, and a
    // failure then is the stream's error (before any byte is sent, the HTTP reply is still a 500).
    return Readable.from(this.chunksOf(key), { objectMode: false });
  }

  async exists(key: string): Promise<boolean> {
    return (await this.size(key)) !== null;
  }

  async size(key: string): Promise<number | null> {
    checkKey(key);
    let length: number | undefined;
    try {
      length = (await this.client.send(new HeadObjectCommand({ Bucket: this.bucket, Key: key }))).ContentLength;
    } catch (error) {
      // A HEAD answer has no body, so a missing object is told by its status alone. (A 403 stays an
      // error: it is what S3 answers for a missing key when the credentials may not list the bucket.)
      if (error instanceof S3ServiceException && error.$metadata.httpStatusCode === 404) return null;
      throw this.failure('size', key, error);
    }
    if (length === undefined) throw this.failure('size', key, new Error('the response has no content length'));
    return length;
  }

  private async *chunksOf(key: string): AsyncGenerator<Uint8Array> {
    let body: AsyncIterable<Uint8Array>;
    try {
      const response = await this.client.send(new GetObjectCommand({ Bucket: this.bucket, Key: key }));
      if (!response.Body) throw new Error('the response has no body');
      body = response.Body as AsyncIterable<Uint8Array>;
    } catch (error) {
      throw this.failure('read', key, error);
    }
    yield* body;
  }

  /** A plain Error naming the store and key: never mistaken for a client's mistake, so the answer is a 500. */
  private failure(operation: string, key: string, error: unknown): Error {
    const status = error instanceof S3ServiceException ? ` (${error.name}, HTTP ${error.$metadata.httpStatusCode ?? '?'})` : '';
    const reason = error instanceof Error ? error.message || error.name : String(error);
    return new Error(`${operation} ${key} in ${this.where} failed${status}: ${reason}`, { cause: error });
  }
}

/** Keys are made by the server; one that is not a plain relative path is refused as on disk. */
function checkKey(key: string): void {
  if (key.length === 0 || !key.split('/').every((segment) => SAFE_SEGMENT.test(segment) && !segment.includes('..'))) {
    throw new Error(`unsafe file store key: ${JSON.stringify(key)}`);
  }
}
