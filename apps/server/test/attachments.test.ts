import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { DomainError, notFound, systemActor } from '@civicgrid/domain';
import Fastify, { type FastifyInstance } from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { sql } from 'kysely';
import sharp from 'sharp';
import { AttachmentRepository } from '../src/attachments/attachment.repository.js';
import { attachmentRoutes } from '../src/attachments/attachment.routes.js';
import { AttachmentService } from '../src/attachments/attachment.service.js';
import { LocalFileStore } from '../src/attachments/file-store.js';
import type { Database } from '../src/database/database.js';
import { handleError } from '../src/http/error-handler.js';
import { openTestDatabase } from './support/test-database.js';

let database: Database;
let cleanup: () => Promise<void>;
let storeDirectory: string;
let attachments: AttachmentRepository;
let service: AttachmentService;
let incidentCount = 0;

before(async () => {
  ({ database, cleanup } = await openTestDatabase());
  storeDirectory = fs.mkdtempSync(path.join(os.tmpdir(), 'civicgrid-attachments-'));
  attachments = new AttachmentRepository(database.db);
  service = new AttachmentService(attachments, new LocalFileStore(storeDirectory));
});
after(async () => {
  await cleanup();
  fs.rmSync(storeDirectory, { recursive: true, force: true });
});

async function buildIncident(): Promise<number> {
  incidentCount += 1;
  const result = await sql<{ id: number }>`
    INSERT INTO incidents (code, source, description)
    VALUES (${`TEST-ATT-${incidentCount}`}, 'grid_worker', '井盖缺失') RETURNING id`.execute(database.db);
  return result.rows[0]!.id;
}

async function buildStep(incidentId: number): Promise<number> {
  const result = await sql<{ id: number }>`
    INSERT INTO incident_steps (incident_id, action, actor_name) VALUES (${incidentId}, 'handle', '张网格员') RETURNING id`.execute(database.db);
  return result.rows[0]!.id;
}

const canvas = (width: number, height: number, channels: 3 | 4 = 3) =>
  sharp({ create: { width, height, channels, background: channels === 4 ? { r: 200, g: 40, b: 40, alpha: 0.5 } : '#3a7bd5' } });

// Random pixels: each call gives different bytes, so that tests do not meet each other's attachments.
const noise = () => sharp(crypto.randomBytes(32 * 32 * 3), { raw: { width: 32, height: 32, channels: 3 } });

const attachmentRowCount = async (incidentId: number) =>
  (await sql<{ count: number }>`SELECT count(*)::int AS count FROM incident_attachments WHERE incident_id = ${incidentId}`.execute(database.db)).rows[0]!.count;

function storedFiles(): string[] {
  if (!fs.existsSync(storeDirectory)) return [];
  return (fs.readdirSync(storeDirectory, { recursive: true }) as string[])
    .filter((entry) => fs.statSync(path.join(storeDirectory, entry)).isFile())
    .sort();
}

async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

async function rejectsWith(promise: Promise<unknown>, code: string) {
  await assert.rejects(promise, (error) => error instanceof DomainError && error.code === code);
}

const upload = (incidentId: number, bytes: Buffer, originalName: string, kind: 'before' | 'after' | 'other' = 'before') =>
  service.upload({ incidentId, kind, uploadedByUserId: null, bytes, originalName });

test('JPEG, PNG and WebP photos are stored with their size and a JPEG thumbnail of at most 320 px', async () => {
  const incidentId = await buildIncident();
  const photos = [
    // a phone photo taken upright: stored landscape with an EXIF orientation of 6 (turn 90° clockwise)
    { name: 'IMG_0001.jpg', bytes: await canvas(1600, 900).jpeg().withMetadata({ orientation: 6 }).toBuffer(), type: 'image/jpeg', shown: [900, 1600], thumbnail: [180, 320] },
    { name: 'screenshot.png', bytes: await canvas(800, 600, 4).png().toBuffer(), type: 'image/png', shown: [800, 600], thumbnail: [320, 240] },
    { name: 'wechat.webp', bytes: await canvas(200, 100).webp().toBuffer(), type: 'image/webp', shown: [200, 100], thumbnail: [200, 100] },
  ];
  for (const photo of photos) {
    const { attachment, created } = await upload(incidentId, photo.bytes, photo.name);
    assert.equal(created, true);
    assert.equal(attachment.mimeType, photo.type, photo.name);
    assert.equal(attachment.byteSize, photo.bytes.length);
    assert.equal(attachment.kind, 'before');
    assert.equal(attachment.stepId, null);
    assert.equal(attachment.url, `/api/attachments/${attachment.id}/file`);
    assert.equal(attachment.thumbnailUrl, `/api/attachments/${attachment.id}/thumbnail`);

    const row = (await attachments.findById(attachment.id))!;
    assert.deepEqual([row.width, row.height], photo.shown, `${photo.name} is measured as it is shown`);
    assert.equal(row.originalName, photo.name);

    const original = await service.open(attachment.id);
    assert.equal(original.mimeType, photo.type);
    assert.deepEqual(await readAll(original.stream), photo.bytes, 'the original is kept byte for byte');

    const thumbnailFile = await service.openThumbnail(attachment.id);
    const thumbnail = await readAll(thumbnailFile.stream);
    assert.equal(thumbnailFile.mimeType, 'image/jpeg');
    assert.equal(thumbnailFile.byteSize, thumbnail.length);
    const thumbnailMetadata = await sharp(thumbnail).metadata();
    assert.equal(thumbnailMetadata.format, 'jpeg');
    assert.deepEqual([thumbnailMetadata.width, thumbnailMetadata.height], photo.thumbnail, `${photo.name} thumbnail is upright and at most 320 px`);
  }
  assert.equal(await attachmentRowCount(incidentId), 3);
});

test('a PNG called photo.jpg is stored as the PNG it is', async () => {
  const incidentId = await buildIncident();
  const png = await noise().png().toBuffer();
  const { attachment } = await upload(incidentId, png, 'photo.jpg');
  assert.equal(attachment.mimeType, 'image/png');
  const row = (await attachments.findById(attachment.id))!;
  assert.match(row.storageKey, /^photos\/[0-9a-f]{2}\/[0-9a-f]{64}\.png$/);
  assert.equal(row.storageKey.slice(7, 9), row.sha256.slice(0, 2));
  assert.equal((await service.open(attachment.id)).mimeType, 'image/png');
});

test('a text file called photo.jpg is refused and nothing is stored', async () => {
  const incidentId = await buildIncident();
  const filesBefore = storedFiles();
  const error = await service.upload({ incidentId, kind: 'after', uploadedByUserId: null, bytes: Buffer.from('这不是照片 not a photo'), originalName: 'photo.jpg' })
    .then(() => assert.fail('the upload should have been refused'), (caught: unknown) => caught);
  assert.ok(error instanceof DomainError);
  assert.equal(error.code, 'attachment.unsupported_type');
  assert.equal(error.kind, 'invalid');
  assert.match(error.messages.en, /JPEG, PNG and WebP/);
  assert.match(error.messages.zh, /JPEG、PNG 或 WebP/);
  assert.equal(await attachmentRowCount(incidentId), 0);
  assert.deepEqual(storedFiles(), filesBefore);
});

test('a photo over 10 MB is refused, and one cut short is unreadable; neither is stored', async () => {
  const incidentId = await buildIncident();
  const filesBefore = storedFiles();
  const photo = await noise().jpeg().toBuffer();
  // what follows a JPEG's end marker is ignored by decoders, so padding makes a readable photo of any size
  const padded = (size: number) => Buffer.concat([photo, Buffer.alloc(size - photo.length)]);
  await rejectsWith(upload(incidentId, padded(10 * 1024 * 1024 + 1), 'big.jpg'), 'attachment.too_large');
  await rejectsWith(upload(incidentId, photo.subarray(0, photo.length / 2), 'cut.jpg'), 'attachment.unreadable');
  assert.equal(await attachmentRowCount(incidentId), 0);
  assert.deepEqual(storedFiles(), filesBefore);

  const atTheLimit = await upload(incidentId, padded(10 * 1024 * 1024), 'ten-megabytes.jpg');
  assert.equal(atTheLimit.attachment.byteSize, 10 * 1024 * 1024);
});

test('the same photo uploaded twice to an incident is one attachment', async () => {
  const incidentId = await buildIncident();
  const bytes = await noise().jpeg().toBuffer();
  const first = await upload(incidentId, bytes, 'a.jpg');
  const filesAfterFirst = storedFiles();
  const retried = await upload(incidentId, bytes, 'a (1).jpg', 'after');
  assert.equal(first.created, true);
  assert.equal(retried.created, false);
  assert.equal(retried.attachment.id, first.attachment.id);
  assert.equal(retried.attachment.kind, 'before', 'the retry gives back the attachment as first uploaded');
  assert.equal(await attachmentRowCount(incidentId), 1);
  assert.deepEqual(storedFiles(), filesAfterFirst);
});

test('the same photo can be attached to two incidents', async () => {
  const bytes = await noise().jpeg().toBuffer();
  const first = await upload(await buildIncident(), bytes, 'shared.jpg');
  const second = await upload(await buildIncident(), bytes, 'shared.jpg');
  assert.notEqual(second.attachment.id, first.attachment.id);
});

test('linking to a step takes only the incident’s attachments not yet linked', async () => {
  const incidentId = await buildIncident();
  const otherIncidentId = await buildIncident();
  const [unlinked, alreadyLinked, other] = [
    (await upload(incidentId, await noise().jpeg().toBuffer(), '1.jpg', 'other')).attachment.id,
    (await upload(incidentId, await noise().jpeg().toBuffer(), '2.jpg', 'before')).attachment.id,
    (await upload(otherIncidentId, await noise().jpeg().toBuffer(), '3.jpg', 'other')).attachment.id,
  ];
  const earlierStep = await buildStep(incidentId);
  assert.equal(await attachments.linkToStep(database.db, incidentId, [alreadyLinked], earlierStep), 1);

  const handledStep = await buildStep(incidentId);
  assert.equal(await attachments.countAfterPhotos(database.db, incidentId, [unlinked, alreadyLinked, other]), 0);
  assert.equal(await attachments.linkToStep(database.db, incidentId, [unlinked, alreadyLinked, other], handledStep, 'after'), 1);

  const rows = new Map((await attachments.listForIncident(database.db, incidentId)).map((row) => [row.id, row]));
  assert.equal(rows.get(unlinked)?.stepId, handledStep);
  assert.equal(rows.get(unlinked)?.kind, 'after');
  assert.equal(rows.get(alreadyLinked)?.stepId, earlierStep, 'a photo of an earlier step stays with it');
  assert.equal(rows.get(alreadyLinked)?.kind, 'before');
  assert.equal((await attachments.findById(other))?.stepId, null, 'another incident’s photo is not taken');
  assert.equal(await attachments.countAfterPhotos(database.db, incidentId, [unlinked, alreadyLinked, other]), 1);
  assert.equal(await attachments.linkToStep(database.db, incidentId, [], handledStep), 0);
});

test('file store keys cannot leave the store directory', async () => {
  const store = new LocalFileStore(storeDirectory);
  for (const key of ['../outside.jpg', 'photos/../../outside.jpg', '/etc/passwd', 'photos//a.jpg', '', 'photos/.hidden', 'photos\\..\\a.jpg']) {
    await assert.rejects(store.put(key, Buffer.from('x')), /unsafe file store key/, key);
  }
  await store.put('photos/ab/new.jpg', Buffer.from('bytes'));
  assert.equal(await store.size('photos/ab/new.jpg'), 5);
  assert.equal(await store.exists('photos/ab/missing.jpg'), false);
  assert.deepEqual(fs.readdirSync(path.join(storeDirectory, 'photos/ab')).filter((name) => name.startsWith('new.jpg')), ['new.jpg'], 'no temporary file is left');
});

test('over HTTP: a multipart upload, its file and thumbnail, all behind the incident’s visibility', async (t) => {
  const visible = await buildIncident();
  const hidden = await buildIncident();
  const hiddenAttachment = (await upload(hidden, await noise().png().toBuffer(), 'hidden.png')).attachment.id;
  const app: FastifyInstance = Fastify({ logger: false });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(handleError);
  app.decorateRequest('actor', null);
  app.addHook('onRequest', async (request) => {
    request.actor = systemActor('test');
  });
  const incidentService = {
    async visibleIncident(_actor: unknown, incidentId: number) {
      if (incidentId !== visible) throw notFound('incident.not_found', `事件 ${incidentId} 不存在`, `Incident ${incidentId} does not exist`);
      return { id: incidentId };
    },
  };
  await app.register(attachmentRoutes({ attachmentService: service, incidentService }));
  t.after(() => app.close());

  const png = await noise().png().toBuffer();
  const form = (bytes: Buffer, kind = 'after') => {
    const body = new FormData();
    body.append('file', new Blob([new Uint8Array(bytes)], { type: 'image/jpeg' }), 'photo.jpg');
    body.append('kind', kind);
    return body;
  };
  const created = await app.inject({ method: 'POST', url: `/api/incidents/${visible}/attachments`, payload: form(png) });
  assert.equal(created.statusCode, 201, created.body);
  assert.equal(created.json().mimeType, 'image/png');
  assert.equal(created.json().kind, 'after');
  const again = await app.inject({ method: 'POST', url: `/api/incidents/${visible}/attachments`, payload: form(png) });
  assert.equal(again.statusCode, 200);
  assert.equal(again.json().id, created.json().id);

  const oversized = Buffer.concat([png, Buffer.alloc(11 * 1024 * 1024)]);
  const tooLarge = await app.inject({ method: 'POST', url: `/api/incidents/${visible}/attachments`, payload: form(oversized) });
  assert.equal(tooLarge.statusCode, 400);
  assert.equal(tooLarge.json().code, 'attachment.too_large');
  const badKind = await app.inject({ method: 'POST', url: `/api/incidents/${visible}/attachments`, payload: form(png, 'during') });
  assert.equal(badKind.json().code, 'attachment.invalid_kind');
  const elsewhere = await app.inject({ method: 'POST', url: `/api/incidents/${hidden}/attachments`, payload: form(png) });
  assert.equal(elsewhere.statusCode, 404);

  const file = await app.inject({ url: created.json().url });
  assert.equal(file.statusCode, 200);
  assert.equal(file.headers['content-type'], 'image/png');
  assert.equal(file.headers['content-length'], String(png.length));
  assert.equal(file.headers['cache-control'], 'private, max-age=31536000, immutable');
  assert.equal(file.headers['x-content-type-options'], 'nosniff');
  assert.deepEqual(file.rawPayload, png);
  const thumbnail = await app.inject({ url: created.json().thumbnailUrl });
  assert.equal(thumbnail.headers['content-type'], 'image/jpeg');
  assert.equal((await sharp(thumbnail.rawPayload).metadata()).format, 'jpeg');

  assert.equal((await app.inject({ url: `/api/attachments/${hiddenAttachment}/file` })).statusCode, 404);
  assert.equal((await app.inject({ url: `/api/attachments/${hiddenAttachment}/thumbnail` })).statusCode, 404);
  assert.equal((await app.inject({ url: '/api/attachments/999999/file' })).json().code, 'attachment.not_found');
});
