import assert from 'node:assert/strict';
import { test } from 'node:test';
import { cleanTrack, haversineMetres, trackDistanceMetres } from './patrol.js';

const at = (seconds: number) => new Date(Date.UTC(2026, 11, 2, 1, 0, seconds));

test('one thousandth of a degree of latitude is about 111 m', () => {
  assert.ok(Math.abs(haversineMetres({ lon: 118.05, lat: 36.8 }, { lon: 118.05, lat: 36.801 }) - 111.2) < 0.5);
});

test('poor fixes and jumps are left off the track and out of the distance', () => {
  const points = [
    { lon: 118.05, lat: 36.8, at: at(0), accuracy: 8 },
    { lon: 118.05, lat: 36.8005, at: at(60), accuracy: 10 },
    // 150 m accuracy: not counted
    { lon: 118.06, lat: 36.8005, at: at(90), accuracy: 150 },
    // 5 km in 30 s: a jump
    { lon: 118.1, lat: 36.8005, at: at(120), accuracy: 5 },
    { lon: 118.05, lat: 36.801, at: at(180), accuracy: 12 },
  ];
  const kept = cleanTrack(points);
  assert.equal(kept.length, 3);
  assert.ok(Math.abs(trackDistanceMetres(kept) - 111.2) < 1);
});
