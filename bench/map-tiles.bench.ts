import { systemActor } from '@civicgrid/domain';
import { sql } from 'kysely';
import type { Database } from '../apps/server/src/database/database.js';
import { DEMO_SEED } from '../apps/server/src/demo/demo-seed.js';
import { BoundaryTileRepository } from '../apps/server/src/map/boundary-tile.repository.js';
import { IncidentCellRepository } from '../apps/server/src/map/incident-cell.repository.js';
import { MapTileService, type MapLayer } from '../apps/server/src/map/map-tile.service.js';
import { PointTileRepository, type IncidentScope } from '../apps/server/src/map/point-tile.repository.js';
import { tileAt, type TileAddress } from '../apps/server/src/map/tile-address.js';
import { timeFirstDrawnMap } from './map-tile-browser.js';
import { copyCityToPGlite } from './map-tile-pglite.js';
import { referenceTile } from './map-tile-references.js';
import type { BenchContext, BenchResult, Figure } from './run.js';
import { compare, measure } from './timing.js';

export const name = 'map-tiles';
export const minimumGrids = 1000;

const integer = new Intl.NumberFormat('en-US');

interface TileCase {
  layer: Extract<MapLayer, 'regions' | 'grids' | 'incidents'>;
  tile: TileAddress;
  scope?: IncidentScope;
}

const label = (tileCase: TileCase) =>
  `${tileCase.layer}${tileCase.scope === 'all' ? ' (all)' : ''} z${tileCase.tile.z}/${tileCase.tile.x}/${tileCase.tile.y}`;

/** The city's view (z8, its centre) and the busiest grid seen ever closer (z10 district, z12 street, z14 community). */
async function tileCases(database: Database): Promise<{ cases: TileCase[]; notes: string[] }> {
  const centre = (await sql<{ lon: number; lat: number }>`
    SELECT ST_X(c) AS lon, ST_Y(c) AS lat FROM (SELECT ST_Centroid(ST_Extent(boundary)::geometry) AS c FROM grids) extent`.execute(database.db)).rows[0]!;
  const busiest = (await sql<{ lon: number; lat: number; code: string; count: number }>`
    SELECT ST_X(ST_Centroid(g.boundary)) AS lon, ST_Y(ST_Centroid(g.boundary)) AS lat, g.code, top.count FROM (
      SELECT grid_id, count(*)::int AS count FROM incidents WHERE status NOT IN ('closed', 'rejected', 'voided', 'merged')
      GROUP BY grid_id ORDER BY count(*) DESC LIMIT 1) top JOIN grids g ON g.id = top.grid_id`.execute(database.db)).rows[0];
  const city = tileAt(centre.lon, centre.lat, 8);
  const near = (z: number) => tileAt(busiest?.lon ?? centre.lon, busiest?.lat ?? centre.lat, z);
  const cases: TileCase[] = [
    { layer: 'regions', tile: city }, { layer: 'incidents', tile: city }, { layer: 'incidents', tile: city, scope: 'all' },
    { layer: 'regions', tile: near(10) }, { layer: 'incidents', tile: near(10) },
    { layer: 'regions', tile: near(12) }, { layer: 'grids', tile: near(12) }, { layer: 'incidents', tile: near(12) }, { layer: 'incidents', tile: near(12), scope: 'all' },
    { layer: 'grids', tile: near(14) }, { layer: 'incidents', tile: near(14) },
  ];
  return { cases, notes: [`tiles: the city centre at z8; z10–z14 around grid ${busiest?.code ?? '—'}, the one with most open incidents (${busiest?.count ?? 0})`] };
}

const countIncidents = async (database: Database) => (await sql<{ all: number; open: number }>`
  SELECT count(*)::int AS all, count(*) FILTER (WHERE status NOT IN ('closed', 'rejected', 'voided', 'merged'))::int AS open FROM incidents`.execute(database.db)).rows[0]!;

export async function run(context: BenchContext): Promise<BenchResult> {
  const { database } = context;
  const actor = systemActor('bench');
  const service = (on: Database) => new MapTileService(on.db, new BoundaryTileRepository(), new PointTileRepository(), new IncidentCellRepository());
  const ours = service(database);
  // the tile cache is emptied before each run: these are the times of making a tile, not of finding it made
  const make = (tiles: MapTileService, tileCase: TileCase) => async () => {
    tiles.cache.clear();
    return (await tiles.tile(actor, tileCase.layer, tileCase.tile, tileCase.scope)).body.byteLength;
  };
  const { cases, notes } = await tileCases(database);
  const counts = await countIncidents(database);
  notes.push(`incidents: ${integer.format(counts.all)}, open ${integer.format(counts.open)}; a tile made = SQL (select, clip, simplify, bin) + @maplibre/vt-pbf encoding, tile cache emptied each run`);
  const figures: Figure[] = [];
  const sizes: string[] = [];

  if (database.kind === 'postgres') {
    for (const tileCase of cases) {
      context.log(`${label(tileCase)} vs ST_AsMVT …`);
      let referenceBytes = 0;
      const timings = await compare(make(ours, tileCase), async () => {
        referenceBytes = (await referenceTile(tileCase.layer, tileCase.tile, tileCase.scope).execute(database.db)).rows[0]?.tile?.byteLength ?? 0;
      });
      sizes.push(`${label(tileCase)}: ${integer.format(await make(ours, tileCase)())} bytes (ST_AsMVT ${integer.format(referenceBytes)})`);
      figures.push({ label: `tile ${label(tileCase)}, PostgreSQL`, timing: timings.task, reference: { label: 'PostGIS ST_AsMVTGeom + ST_AsMVT', timing: timings.reference } });
    }
    // Up to z11 incident tiles are added up from incident_map_cells; this is what the same city tile costs read from the incidents.
    const cityIncidents = cases[1]!;
    const fromIncidents = await compare(make(ours, cityIncidents), async () => {
      await new PointTileRepository().incidentClusters(database.db, cityIncidents.tile, { jurisdiction: actor.jurisdiction, userId: null }, 'open');
    });
    figures.push({ label: `tile ${label(cityIncidents)} from map cells, PostgreSQL`, timing: fromIncidents.task, reference: { label: 'its clusters read from the incidents (SQL only)', timing: fromIncidents.reference } });
    const cached = await measure(async () => ours.tile(actor, 'grids', cases[6]!.tile), { runs: 20 });
    notes.push(`a cached boundary tile (${label(cases[6]!)}) is served in ${cached.medianMs.toFixed(2)} ms (median of 20; reads the layer version)`);

    const incidents = Number(process.env.BENCH_PGLITE_INCIDENTS) || counts.all;
    context.log(`copying the city's regions and grids into PGlite and drawing ${integer.format(incidents)} incidents there …`);
    const copy = await copyCityToPGlite(database, { count: incidents, seed: DEMO_SEED }, context.log);
    try {
      const embedded = service(copy.database);
      const copied = await countIncidents(copy.database);
      notes.push(`PGlite: the same regions and grids, ${integer.format(copied.all)} incidents (open ${integer.format(copied.open)}) from the same generator and seed, drawn in ${copy.seconds} s (BENCH_PGLITE_INCIDENTS overrides)`);
      for (const tileCase of cases) {
        context.log(`${label(tileCase)} on PGlite …`);
        const timings = await compare(make(embedded, tileCase), make(ours, tileCase));
        figures.push({ label: `tile ${label(tileCase)}, PGlite`, timing: timings.task, reference: { label: 'the same tile on PostgreSQL', timing: timings.reference } });
      }
    } finally {
      await copy.close();
    }
  } else {
    for (const tileCase of cases) {
      const timing = await measure(make(ours, tileCase));
      figures.push({ label: `tile ${label(tileCase)}, PGlite`, timing, reference: { label: '(no ST_AsMVT in PGlite) itself', timing } });
    }
  }

  context.log('first drawn map in Chromium …');
  const drawn = await timeFirstDrawnMap(database, context.log);
  if (typeof drawn === 'string') notes.push(`first drawn map: skipped, ${drawn}`);
  else figures.push({ label: 'first drawn command map in Chromium, fresh profile', timing: drawn.cold, reference: { label: 'reload (boundary tiles from the browser cache)', timing: drawn.warm } });
  notes.push('first drawn map: navigation to the map\'s first idle with the whole city in view, 1440×900, city operator; a warm-up run first', ...sizes);
  return { figures, notes };
}
