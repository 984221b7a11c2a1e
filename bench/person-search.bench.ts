import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { classifyPersonQuery, SeededRandom, systemActor, type Actor } from '@civicgrid/domain';
import { sql } from 'kysely';
import { createServices } from '../apps/server/src/http/services.js';
import { personQueryCondition } from '../apps/server/src/registers/persons/person-search.repository.js';
import type { BenchContext, BenchResult, Figure } from './run.js';
import { compare } from './timing.js';

export const name = 'person-search';

const SEED = 20261201;
const integer = new Intl.NumberFormat('en-US');

interface Sample {
  name: string;
  idNumber: string;
  mobile: string;
  address: string;
}

function sampleCount(): number {
  const requested = Number(process.env.BENCH_SEARCHES);
  return Number.isInteger(requested) && requested > 0 ? requested : 20;
}

/**
 * Persons to look for (seeded): one from each of some grids picked at random, city-wide or in one street, each
 * with a three-character name, an ID number, a mobile and an address.
 */
async function samples(context: BenchContext, count: number, regionPath: string | null): Promise<Sample[]> {
  const { db } = context.database;
  const grids = (await sql<{ id: number }>`
    SELECT id FROM grids WHERE ${regionPath ? sql`path LIKE ${`${regionPath}/%`}` : sql`true`} ORDER BY id`.execute(db)).rows.map((row) => row.id);
  const random = new SeededRandom(SEED + (regionPath ? 1 : 0));
  const found: Sample[] = [];
  for (let attempt = 0; found.length < count && attempt < count * 20 && grids.length > 0; attempt++) {
    const gridId = grids[random.integer(0, grids.length - 1)]!;
    const row = await sql<Sample>`
      SELECT p.name, p.id_number AS "idNumber", p.mobile, p.current_address AS address FROM persons p
      WHERE p.grid_id = ${gridId} AND char_length(p.name) = 3 AND p.id_number IS NOT NULL AND p.mobile IS NOT NULL
        AND char_length(p.current_address) >= 8 AND p.deregistered_on IS NULL
      ORDER BY p.id LIMIT 1 OFFSET ${random.integer(0, 20)}`.execute(db);
    if (row.rows[0] && !found.some((sample) => sample.idNumber === row.rows[0]!.idNumber)) found.push(row.rows[0]);
  }
  return found;
}

/** What a reader types for each kind of search, from a sampled person. */
const QUERY_KINDS: { label: string; query: (sample: Sample) => string }[] = [
  { label: 'name fragment (given name, 2 characters)', query: (sample) => sample.name.slice(1) },
  { label: 'full ID number', query: (sample) => sample.idNumber },
  { label: 'mobile', query: (sample) => sample.mobile },
  { label: 'address fragment (first 8 characters)', query: (sample) => sample.address.slice(0, 8) },
];

/**
 * Person search through the real service (jurisdiction, ranking, the count, masking) as a city-wide reader and
 * as a street operator, against the bare index lookup of the same condition (`… WHERE <condition> LIMIT 20`)
 * run in the same run on the same texts. Read-only: the database is left as it was (ANALYZE aside).
 */
export async function run(context: BenchContext): Promise<BenchResult> {
  const { db } = context.database;
  const count = sampleCount();
  // the migration that adds the search indexes leaves their expression statistics to the next ANALYZE
  await sql`ANALYZE persons`.execute(db);
  // the street of the person in the middle of the register
  const street = (await sql<{ path: string; name: string }>`
    SELECT r.path, r.name FROM persons p JOIN grids g ON g.id = p.grid_id JOIN regions r ON r.level = 'street' AND g.path LIKE r.path || '/%'
    WHERE p.id >= (SELECT (min(id) + max(id)) / 2 FROM persons) ORDER BY p.id LIMIT 1`.execute(db)).rows[0]!;
  const streetSize = (await sql<{ persons: number }>`
    SELECT count(*)::int AS persons FROM persons p JOIN grids g ON g.id = p.grid_id WHERE g.path LIKE ${`${street.path}/%`}`.execute(db)).rows[0]!.persons;
  const filesDirectory = fs.mkdtempSync(path.join(os.tmpdir(), 'civicgrid-bench-files-'));
  const services = createServices(context.database, { filesDirectory, duplicateWindow: { metres: 100, hours: 72 } });
  const readers: { label: string; actor: Actor; samples: Sample[] }[] = [
    { label: 'city-wide', actor: systemActor('bench'), samples: await samples(context, count, null) },
    {
      label: `street ${street.name}`,
      actor: { kind: 'user', userId: 0, username: 'bench', displayName: 'bench', role: 'street_operator', jurisdiction: { kind: 'region', regionPath: street.path }, sessionId: null },
      samples: await samples(context, count, street.path),
    },
  ];

  const figures: Figure[] = [];
  const notes: string[] = [];
  try {
    for (const reader of readers) {
      for (const kind of QUERY_KINDS) {
        const texts = reader.samples.map(kind.query);
        let found = 0;
        let matches = 0;
        context.log(`${reader.label}: ${kind.label} …`);
        const timings = await compare(async () => {
          found = 0;
          for (const q of texts) {
            const page = await services.personSearchService.list(reader.actor, { q, deregistered: false, page: 1, pageSize: 20 });
            if (page.total > 0) found += 1;
          }
        }, async () => {
          matches = 0;
          for (const q of texts) {
            const hits = await sql`SELECT p.id FROM persons p WHERE ${personQueryCondition(classifyPersonQuery(q))}`.execute(db);
            matches += hits.rows.length;
          }
        });
        figures.push({
          label: `${reader.label}: ${kind.label}, page 1 + total`,
          timing: timings.task,
          reference: { label: 'bare index lookup of the matching ids', timing: timings.reference },
          items: { count: texts.length, unit: 'searches' },
        });
        notes.push(`${reader.label}, ${kind.label}: ${integer.format(matches)} persons match the ${texts.length} texts city-wide${found < texts.length ? `; only ${found} searches found anyone in the reader's area` : ''}`);
      }
    }
    const wide = await compare(
      () => services.personSearchService.list(readers[1]!.actor, { deregistered: false, page: 1, pageSize: 20 }),
      () => sql`SELECT p.id FROM persons p JOIN grids g ON g.id = p.grid_id WHERE g.path LIKE ${`${street.path}/%`} LIMIT 20`.execute(db),
    );
    figures.push({
      label: `street ${street.name}: plain list, page 1 + total`, timing: wide.task,
      reference: { label: 'bare grid join, LIMIT 20', timing: wide.reference },
    });
  } finally {
    fs.rmSync(filesDirectory, { recursive: true, force: true });
  }
  return {
    figures,
    notes: [
      `${integer.format(count)} searches per figure and run (BENCH_SEARCHES), texts from persons sampled with seed ${SEED}; the street ${street.name} holds ${integer.format(streetSize)} persons`,
      'each search: the service call a route makes (jurisdiction in SQL, exact names ranked first, the total, page 1 of 20 read and masked); reference: the ids matching the same condition, city-wide, nothing else',
      'persons analyzed before timing (the search indexes are expression and trigram indexes); nothing is written',
      ...notes,
    ],
  };
}
