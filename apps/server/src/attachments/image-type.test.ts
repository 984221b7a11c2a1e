import { test } from 'node:test';
import assert from 'node:assert/strict';
import { imageTypeOf } from './image-type.js';

const bytes = (...parts: (string | number[])[]) =>
  Uint8Array.from(parts.flatMap((part) => (typeof part === 'string' ? [...part].map((character) => character.charCodeAt(0)) : part)));

test('JPEG, PNG and WebP are recognised by their leading bytes', () => {
  assert.equal(imageTypeOf(bytes([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10], 'JFIF')), 'image/jpeg');
  assert.equal(imageTypeOf(bytes([0xff, 0xd8, 0xff, 0xe1], 'Exif')), 'image/jpeg');
  assert.equal(imageTypeOf(bytes([0x89], 'PNG', [0x0d, 0x0a, 0x1a, 0x0a], [0, 0, 0, 13], 'IHDR')), 'image/png');
  assert.equal(imageTypeOf(bytes('RIFF', [0x24, 0, 0, 0], 'WEBPVP8 ')), 'image/webp');
  assert.equal(imageTypeOf(bytes('RIFF', [0x24, 0, 0, 0], 'WEBPVP8L')), 'image/webp');
  assert.equal(imageTypeOf(bytes('RIFF', [0x24, 0, 0, 0], 'WEBPVP8X')), 'image/webp');
});

test('other files are not images, whatever they are called', () => {
  assert.equal(imageTypeOf(bytes('hello, this is photo.jpg')), null);
  assert.equal(imageTypeOf(bytes('<svg xmlns="http://www.w3.org/2000/svg"/>')), null);
  assert.equal(imageTypeOf(bytes('GIF89a', [1, 0, 1, 0])), null);
  assert.equal(imageTypeOf(bytes([0, 0, 0, 0x18], 'ftypheic')), null, 'HEIC is not accepted');
  assert.equal(imageTypeOf(bytes('%PDF-1.7')), null);
  assert.equal(imageTypeOf(bytes('RIFF', [0x24, 0, 0, 0], 'WAVEfmt ')), null, 'a RIFF sound file is not a WebP image');
  assert.equal(imageTypeOf(bytes('RIFF', [0x24, 0, 0, 0], 'WEBP')), null, 'a WebP header without an image chunk');
});

test('bytes cut short of a whole signature are not an image', () => {
  assert.equal(imageTypeOf(new Uint8Array()), null);
  assert.equal(imageTypeOf(bytes([0xff, 0xd8])), null);
  assert.equal(imageTypeOf(bytes([0x89], 'PNG')), null);
});
