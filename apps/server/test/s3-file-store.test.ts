import crypto from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { CreateBucketCommand, HeadObjectCommand, S3Client, S3ServiceException } from '@aws-sdk/client-s3';
import Fastify from 'fastify';
import { sql } from 'kysely';
import S3rver from 's3rver';
import sharp from 'sharp';
import { AttachmentRepository } from '../src/attachments/attachment.repository.js';
import { AttachmentService } from '../src/attachments/attachment.service.js';
import { S3FileStore, type S3StoreSettings } from '../src/attachments/s3-file-store.js';
import { loadConfig } from '../src/config.js';
import type { Database } from '../src/database/database.js';
import { handleError } from '../src/http/error-handler.js';
import { openTestDatabase } from './support/test-database.js';

// s3rver: a fake S3 server from npm, run in this process on a random loopback port, keeping objects on disk.
// It knows one account, S3RVER/S3RVER, and refuses other key ids (it does not check SigV4 signatures).
const BUCKET = 'civicgrid-test';
let server: S3rver;
let serverDirectory: string;
let settings: S3StoreSettings;
let raw: S3Client;
let store: S3FileStore;
let database: Database;
let cleanup: () => Promise<void>;

before(async () => {
  serverDirectory = fs.mkdtempSync(path.join(os.tmpdir(), 'civicgrid-s3rver-'));
  server = new S3rver({ address: '127.0.0.1', port: 0, silent: true, directory: serverDirectory });
  const { port } = await server.run();
  settings = {
    endpoint: `http://127.0.0.1:${port}`,
    bucket: BUCKET,
    region: 'us-east-1',
    accessKeyId: 'S3RVER',
    secretAccessKey: 'S3RVER',
    forcePathStyle: true,
  };
  raw = new S3Client({ endpoint: settings.endpoint, region: settings.region, forcePathStyle: true, credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' } });
  await raw.send(new CreateBucketCommand({ Bucket: BUCKET }));
  store = new S3FileStore(settings);
  ({ database, cleanup } = await openTestDatabase());
});
after(async () => {
  raw?.destroy();
  await cleanup?.();
  await server?.close();
  fs.rmSync(serverDirectory, { recursive: true, force: true });
});

async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk as Uint8Array));
  return Buffer.concat(chunks);
}

const sha = (bytes: Buffer) => crypto.createHash('sha256').update(bytes).digest('hex');

/** A plain Error naming the key, not an SDK exception that could carry a client-error status. */
const storeFailure = (key: string, pattern?: RegExp) => (error: unknown) =>
  error instanceof Error && !(error instanceof S3ServiceException) && error.message.includes(key) && (!pattern || pattern.test(error.message));

test('put, read, exists and size of an object, stored with its content type', async () => {
  const bytes = crypto.randomBytes(200_000);
  const key = `photos/${sha(bytes).slice(0, 2)}/${sha(bytes)}.jpg`;
  assert.equal(await store.exists(key), false);
  assert.equal(await store.size(key), null);

  await store.put(key, bytes);
  assert.equal(await store.exists(key), true);
  assert.equal(await store.size(key), bytes.length);
  assert.deepEqual(await readAll(store.read(key)), bytes);
  const head = await raw.send(new HeadObjectCommand({ Bucket: BUCKET, Key: key }));
  assert.equal(head.ContentType, 'image/jpeg');
  assert.equal(head.ContentLength, bytes.length);

  // the same key again (a retried upload) is written whole once more, not appended to
  await store.put(key, bytes);
  assert.equal(await store.size(key), bytes.length);

  const empty = 'thumbnails/00/empty.png';
  await store.put(empty, Buffer.alloc(0));
  assert.equal(await store.size(empty), 0);
  assert.equal((await raw.send(new HeadObjectCommand({ Bucket: BUCKET, Key: empty }))).ContentType, 'image/png');
  assert.equal((await readAll(store.read(empty))).length, 0);
});

test('a missing key: not there for exists and size, and an error from the stream of read', async () => {
  const key = 'photos/ff/missing.jpg';
  assert.equal(await store.exists(key), false);
  assert.equal(await store.size(key), null);
  await assert.rejects(readAll(store.read(key)), storeFailure(key, /NoSuchKey/));
});

test('keys that are not plain relative paths are refused before any request', async () => {
  for (const key of ['', '../escape.jpg', 'photos/../x.jpg', '/photos/x.jpg', 'photos//x.jpg', 'photos/.hidden']) {
    await assert.rejects(store.put(key, Buffer.from('x')), /unsafe file store key/);
    await assert.rejects(store.size(key), /unsafe file store key/);
    assert.throws(() => store.read(key), /unsafe file store key/);
  }
});

test('a store that refuses or cannot be reached fails loudly, never as a silent success or a missing file', async () => {
  const key = 'photos/aa/refused.jpg';
  const noBucket = new S3FileStore({ ...settings, bucket: 'civicgrid-no-such-bucket' });
  await assert.rejects(noBucket.put(key, Buffer.from('x')), storeFailure(key, /NoSuchBucket/));
  await assert.rejects(readAll(noBucket.read(key)), storeFailure(key, /NoSuchBucket/));

  // a 403 for a HEAD is an error, not "missing": the upload must not go on as if all were well
  const stranger = new S3FileStore({ ...settings, accessKeyId: 'NOT-A-KEY', secretAccessKey: 'wrong' });
  await assert.rejects(stranger.put(key, Buffer.from('x')), storeFailure(key, /HTTP 403/));
  await assert.rejects(stranger.exists(key), storeFailure(key, /HTTP 403/));
  await assert.rejects(stranger.size(key), storeFailure(key, /HTTP 403/));

  const closedPort = await new Promise<number>((resolve) => {
    const listener = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = listener.address() as net.AddressInfo;
      listener.close(() => resolve(port));
    });
  });
  const unreachable = new S3FileStore({ ...settings, endpoint: `http://127.0.0.1:${closedPort}` });
  await assert.rejects(unreachable.put(key, Buffer.from('x')), storeFailure(key));
  await assert.rejects(unreachable.exists(key), storeFailure(key));

  assert.throws(() => new S3FileStore({ ...settings, secretAccessKey: undefined }), /together or not at all/);
});

test('a read that fails before its first byte is an HTTP 500, not an empty 200', async (t) => {
  const app = Fastify({ logger: false });
  app.setErrorHandler(handleError);
  app.get('/file', async (_request, reply) => reply.type('image/jpeg').send(store.read('photos/ee/gone.jpg')));
  t.after(() => app.close());
  const response = await app.inject({ url: '/file' });
  assert.equal(response.statusCode, 500);
});

test('AttachmentService keeps photos and thumbnails in the bucket: upload, open, open the thumbnail', async () => {
  const service = new AttachmentService(new AttachmentRepository(database.db), store);
  const incidentId = (await sql<{ id: number }>`
    INSERT INTO incidents (code, source, description) VALUES ('TEST-S3-1', 'grid_worker', '井盖缺失') RETURNING id`.execute(database.db)).rows[0]!.id;
  const photo = await sharp(crypto.randomBytes(64 * 48 * 3), { raw: { width: 64, height: 48, channels: 3 } }).jpeg().toBuffer();

  const first = await service.upload({ incidentId, kind: 'before', uploadedByUserId: null, bytes: photo, originalName: 'manhole.jpg' });
  assert.equal(first.created, true);
  assert.equal(first.attachment.mimeType, 'image/jpeg');
  const hash = sha(photo);
  const photoHead = await raw.send(new HeadObjectCommand({ Bucket: BUCKET, Key: `photos/${hash.slice(0, 2)}/${hash}.jpg` }));
  assert.equal(photoHead.ContentLength, photo.length);
  const thumbnailHead = await raw.send(new HeadObjectCommand({ Bucket: BUCKET, Key: `thumbnails/${hash.slice(0, 2)}/${hash}.jpg` }));
  assert.equal(thumbnailHead.ContentType, 'image/jpeg');

  const file = await service.open(first.attachment.id);
  assert.equal(file.mimeType, 'image/jpeg');
  assert.equal(file.byteSize, photo.length);
  assert.deepEqual(await readAll(file.stream), photo);
  const thumbnail = await service.openThumbnail(first.attachment.id);
  assert.equal(thumbnail.byteSize, thumbnailHead.ContentLength);
  const thumbnailBytes = await readAll(thumbnail.stream);
  assert.equal(thumbnailBytes.length, thumbnail.byteSize);
  assert.equal((await sharp(thumbnailBytes).metadata()).format, 'jpeg');

  const again = await service.upload({ incidentId, kind: 'before', uploadedByUserId: null, bytes: photo, originalName: 'manhole.jpg' });
  assert.equal(again.created, false);
  assert.equal(again.attachment.id, first.attachment.id);

  // a store that fails makes the upload fail, and no row points at a file that was never written
  const broken = new AttachmentService(new AttachmentRepository(database.db), new S3FileStore({ ...settings, bucket: 'civicgrid-no-such-bucket' }));
  const other = await sharp(crypto.randomBytes(32 * 32 * 3), { raw: { width: 32, height: 32, channels: 3 } }).png().toBuffer();
  await assert.rejects(broken.upload({ incidentId, kind: 'after', uploadedByUserId: null, bytes: other, originalName: null }), /NoSuchBucket/);
  const rows = await sql<{ count: number }>`SELECT count(*)::int AS count FROM incident_attachments WHERE incident_id = ${incidentId}`.execute(database.db);
  assert.equal(rows.rows[0]!.count, 1);
});

test('configuration: S3_BUCKET turns the bucket on, with defaults for the rest; half a configuration is refused', () => {
  assert.equal(loadConfig({}).s3, null);
  assert.deepEqual(loadConfig({ S3_BUCKET: 'photos', S3_ENDPOINT: 'http://127.0.0.1:9000', S3_ACCESS_KEY_ID: 'minio', S3_SECRET_ACCESS_KEY: 'secret' }).s3, {
    endpoint: 'http://127.0.0.1:9000', bucket: 'photos', region: 'us-east-1', accessKeyId: 'minio', secretAccessKey: 'secret', forcePathStyle: true,
  });
  assert.deepEqual(loadConfig({ S3_BUCKET: 'photos', S3_REGION: 'cn-north-1', S3_FORCE_PATH_STYLE: 'false' }).s3, {
    endpoint: undefined, bucket: 'photos', region: 'cn-north-1', accessKeyId: undefined, secretAccessKey: undefined, forcePathStyle: false,
  });
  assert.throws(() => loadConfig({ S3_ENDPOINT: 'http://127.0.0.1:9000' }), /S3_ENDPOINT is set but S3_BUCKET is not/);
  assert.throws(() => loadConfig({ S3_BUCKET: 'photos', S3_ACCESS_KEY_ID: 'minio' }), /together or not at all/);
  assert.throws(() => loadConfig({ S3_BUCKET: 'photos', S3_FORCE_PATH_STYLE: 'yes' }), /S3_FORCE_PATH_STYLE/);
  assert.throws(() => loadConfig({ S3_BUCKET: 'photos', S3_ENDPOINT: '127.0.0.1:9000' }), /S3_ENDPOINT must be an http\(s\) URL/);
});
