// 指挥调度 in a real browser: a district operator clicks down the demo city on the map and in the side panel, from
// 淄博市 to one person, and at every level the counts on screen are the ones the database holds. A screenshot per level.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { sql } from 'kysely';
import type { Page } from 'playwright-core';
import type { Database } from '../../server/src/database/database.js';
import { generateBulkIncidents } from '../../server/src/demo/demo-incident-bulk.js';
import { resultsDirectory, signIn, startConsole, TIMEOUT, type ConsoleHarness } from './support/console-harness.js';

let harness: ConsoleHarness;
let database: Database;
let page: Page;

const OPEN = sql`i.status NOT IN ('closed', 'rejected', 'voided', 'merged')`;

before(async () => {
  harness = await startConsole();
  ({ database, page } = harness);
  await generateBulkIncidents(database.db, { count: 4000, seed: 11 });
  // No deadline falls due while the test runs: what is overdue stays overdue between the page and the SQL.
  await sql`UPDATE incidents SET current_step_deadline = now() + interval '2 hours'
            WHERE current_step_deadline BETWEEN now() - interval '1 minute' AND now() + interval '1 hour'`.execute(database.db);
  // Every full-time grid worker was seen in his grid a few minutes ago; one camera and one key place per grid.
  await sql`
    INSERT INTO grid_member_positions (grid_member_id, location, reported_at)
    SELECT a.grid_member_id, ST_PointOnSurface(g.boundary), now() - interval '7 minutes'
    FROM grid_member_assignments a JOIN grids g ON g.id = a.grid_id WHERE a.role = 'full_time_grid_worker'`.execute(database.db);
  await sql`
    INSERT INTO cameras (name, location, grid_id, region_id)
    SELECT g.name || '路口监控', ST_SetSRID(ST_MakePoint(ST_XMin(g.boundary) + 0.002, ST_YMin(g.boundary) + 0.002), 4326), g.id, g.community_id FROM grids g`.execute(database.db);
  await sql`
    INSERT INTO places (grid_id, name, kind, location)
    SELECT g.id, g.name || '农贸市场', 'market', ST_SetSRID(ST_MakePoint(ST_XMax(g.boundary) - 0.002, ST_YMax(g.boundary) - 0.002), 4326) FROM grids g`.execute(database.db);
}, TIMEOUT);

after(async () => {
  await harness?.close();
});

interface Expected {
  population: number; registered: number; floating: number; foreign: number; households: number;
  gridMembers?: number; grids?: number; open?: number; overdue?: number;
}

/** What the database holds below a region (the district operator sees all of 张店区, which is all of the small demo). */
async function countsBelowRegion(code: string): Promise<Expected> {
  const { rows } = await sql<Expected>`
    WITH region AS (SELECT path, path || '/%' AS prefix FROM regions WHERE code = ${code}),
    grid AS (SELECT g.id FROM grids g, region WHERE g.path LIKE region.prefix AND g.parent_grid_id IS NULL)
    SELECT
      (SELECT count(*)::int FROM persons p JOIN grid ON grid.id = p.grid_id WHERE p.deregistered_on IS NULL) AS population,
      (SELECT count(*)::int FROM persons p JOIN grid ON grid.id = p.grid_id WHERE p.deregistered_on IS NULL AND p.residency = 'registered') AS registered,
      (SELECT count(*)::int FROM persons p JOIN grid ON grid.id = p.grid_id WHERE p.deregistered_on IS NULL AND p.residency = 'floating') AS floating,
      (SELECT count(*)::int FROM persons p JOIN grid ON grid.id = p.grid_id WHERE p.deregistered_on IS NULL AND p.residency = 'foreign') AS "foreign",
      (SELECT count(*)::int FROM households h JOIN grid ON grid.id = h.grid_id) AS households,
      (SELECT count(DISTINCT a.grid_member_id)::int FROM grid_member_assignments a JOIN grid ON grid.id = a.grid_id) AS "gridMembers",
      (SELECT count(*)::int FROM grid) AS grids,
      (SELECT count(*)::int FROM incidents i JOIN regions r ON r.id = i.region_id, region WHERE (r.path = region.path OR r.path LIKE region.prefix) AND ${OPEN}) AS open,
      (SELECT count(*)::int FROM incidents i JOIN regions r ON r.id = i.region_id, region WHERE (r.path = region.path OR r.path LIKE region.prefix) AND ${OPEN}
         AND i.status <> 'suspended' AND i.current_step_deadline < now()) AS overdue`.execute(database.db);
  return rows[0]!;
}

async function countsOfPersons(where: ReturnType<typeof sql>, households: ReturnType<typeof sql>): Promise<Expected> {
  const { rows } = await sql<Expected>`
    SELECT count(*)::int AS population, count(*) FILTER (WHERE residency = 'registered')::int AS registered,
      count(*) FILTER (WHERE residency = 'floating')::int AS floating, count(*) FILTER (WHERE residency = 'foreign')::int AS "foreign",
      (${households})::int AS households
    FROM persons p WHERE p.deregistered_on IS NULL AND ${where}`.execute(database.db);
  return rows[0]!;
}

/** The figures the side panel shows, read off the page. */
async function shownCounts(): Promise<Record<string, number>> {
  return page.getByTestId('drill-down-counts').evaluate((element) => Object.fromEntries(
    [...element.querySelectorAll('[data-testid^="count-"]')].map((figure) => [
      figure.getAttribute('data-testid')!.slice('count-'.length), Number(figure.querySelector('.command-figure-value')!.textContent),
    ])));
}

async function assertCounts(expected: Expected, label: string): Promise<void> {
  const shown = await shownCounts();
  const wanted: Record<string, number> = {
    population: expected.population, registered: expected.registered, floating: expected.floating, foreign: expected.foreign, households: expected.households,
  };
  if (expected.gridMembers !== undefined) wanted['grid-members'] = expected.gridMembers;
  if (expected.grids !== undefined) wanted.grids = expected.grids;
  if (expected.open !== undefined) wanted['open-incidents'] = expected.open;
  if (expected.overdue !== undefined) wanted['overdue-incidents'] = expected.overdue;
  assert.deepEqual(shown, wanted, `${label}: the panel shows the database's counts`);
}

async function waitForNode(kind: string, key: string | number): Promise<void> {
  await page.locator(`[data-testid="drill-down-panel"][data-node="${kind}:${key}"]`).waitFor();
  await page.waitForFunction(() => {
    const map = (document.querySelector('[data-testid="command-map"]') as HTMLElement & { commandMap?: { areTilesLoaded(): boolean; isMoving(): boolean } }).commandMap;
    return map !== undefined && map.areTilesLoaded() && !map.isMoving();
  }, undefined, { timeout: 30_000 });
}

/** Clicks the map where a longitude/latitude is drawn. */
async function clickMapAt(lon: number, lat: number): Promise<void> {
  const point = await page.evaluate(([x, y]) => {
    const element = document.querySelector('[data-testid="command-map"]') as HTMLElement & { commandMap: { project(lngLat: [number, number]): { x: number; y: number } } };
    const box = element.getBoundingClientRect();
    const projected = element.commandMap.project([x!, y!]);
    return { x: box.left + projected.x, y: box.top + projected.y };
  }, [lon, lat]);
  await page.mouse.click(point.x, point.y);
}

/**
 * Clicks inside an area drawn by `layer` with this code, where nothing else is drawn on top (no incident, grid
 * worker or camera, no legend or panel): as a person aims for an empty part of a street to open it.
 */
async function clickArea(layer: 'region-child-fill' | 'grid-fill', code: string): Promise<void> {
  const point = await page.evaluate(([layerId, wanted]) => {
    type Feature = { properties: { code?: string } };
    const element = document.querySelector('[data-testid="command-map"]') as HTMLElement & {
      commandMap: { queryRenderedFeatures(geometry: unknown, options: object): Feature[] };
    };
    const map = element.commandMap;
    const box = element.getBoundingClientRect();
    for (let y = 20; y < box.height - 20; y += 12) {
      for (let x = 20; x < box.width - 20; x += 12) {
        if (document.elementFromPoint(box.left + x, box.top + y)?.tagName !== 'CANVAS') continue;
        if (!map.queryRenderedFeatures([x, y], { layers: [layerId] }).some((feature) => feature.properties.code === wanted)) continue;
        const around = [[x - 6, y - 6], [x + 6, y + 6]];
        if (map.queryRenderedFeatures(around, { layers: ['incident-clusters', 'position-circle', 'camera-circle', 'place-circle', 'building-circle'] }).length > 0) continue;
        return { x: box.left + x, y: box.top + y };
      }
    }
    return null;
  }, [layer, code] as const);
  assert.ok(point, `${code} is drawn somewhere free to click`);
  await page.mouse.click(point.x, point.y);
}

async function screenshot(name: string): Promise<void> {
  await page.waitForTimeout(300);
  await page.screenshot({ path: path.join(resultsDirectory, `command-map-${name}.png`) });
}

test('a district operator clicks down from the city to a person, and every level shows the database’s counts', TIMEOUT, async () => {
  await signIn(page, harness.baseUrl, 'district.operator');
  await page.getByTestId('app-navigation').getByText('指挥调度', { exact: true }).hover();
  await page.getByRole('menuitem', { name: '指挥地图' }).click();
  await waitForNode('region', '370300');
  await assertCounts(await countsBelowRegion('370300'), '淄博市');
  await screenshot('1-city');

  // Fewer markers make a street easier to hit: grid workers, cameras and places are switched off for each click.
  const switches = ['positions', 'cameras', 'places'].map((group) => page.getByTestId(`layer-${group}`));
  const cameraVisibility = () => page.evaluate(() => (document.querySelector('[data-testid="command-map"]') as HTMLElement & {
    commandMap: { getLayoutProperty(id: string, name: string): string } }).commandMap.getLayoutProperty('camera-circle', 'visibility'));
  for (const [index, [code, name]] of [['370303', '张店区'], ['370303001', '车站街道'], ['370303001001', '新华社区']].entries()) {
    for (const box of switches) await box.click();
    assert.equal(await cameraVisibility(), 'none', 'a layer switched off is hidden');
    await clickArea('region-child-fill', code!);
    for (const box of switches) await box.click();
    assert.equal(await cameraVisibility(), 'visible');
    await waitForNode('region', code!);
    assert.equal(await page.getByTestId('drill-down-title').innerText(), name);
    await assertCounts(await countsBelowRegion(code!), name!);
    await screenshot(`${index + 2}-${name}`);
  }
  const rendered = await page.evaluate(() => (document.querySelector('[data-testid="command-map"]') as HTMLElement & { commandMap: { queryRenderedFeatures(options: object): unknown[] } })
    .commandMap.queryRenderedFeatures({ layers: ['incident-clusters', 'position-circle', 'camera-circle', 'place-circle'] }).length);
  assert.ok(rendered > 0, 'incidents, grid workers, cameras and places are drawn');

  const gridCode = '370303001001001';
  await clickArea('grid-fill', gridCode);
  await waitForNode('grid', gridCode);
  const gridId = (await sql<{ id: number }>`SELECT id FROM grids WHERE code = ${gridCode}`.execute(database.db)).rows[0]!.id;
  const gridCounts = await countsOfPersons(sql`p.grid_id = ${gridId}`, sql`SELECT count(*) FROM households WHERE grid_id = ${gridId}`);
  const gridIncidents = (await sql<{ open: number; overdue: number; members: number }>`
    SELECT count(*) FILTER (WHERE ${OPEN})::int AS open, count(*) FILTER (WHERE ${OPEN} AND i.status <> 'suspended' AND i.current_step_deadline < now())::int AS overdue,
           (SELECT count(DISTINCT grid_member_id)::int FROM grid_member_assignments WHERE grid_id = ${gridId}) AS members
    FROM incidents i WHERE i.grid_id = ${gridId}`.execute(database.db)).rows[0]!;
  await assertCounts({ ...gridCounts, gridMembers: gridIncidents.members, open: gridIncidents.open, overdue: gridIncidents.overdue }, '网格');
  await screenshot('5-grid');

  const building = (await sql<{ id: number; lon: number; lat: number }>`
    SELECT id, ST_X(location) AS lon, ST_Y(location) AS lat FROM buildings WHERE grid_id = ${gridId} ORDER BY name, id LIMIT 1`.execute(database.db)).rows[0]!;
  await clickMapAt(building.lon, building.lat);
  await waitForNode('building', building.id);
  await assertCounts(await countsOfPersons(
    sql`p.household_id IN (SELECT h.id FROM households h JOIN houses house ON house.id = h.house_id WHERE house.building_id = ${building.id})`,
    sql`SELECT count(*) FROM households h JOIN houses house ON house.id = h.house_id WHERE house.building_id = ${building.id}`), '楼栋');
  await screenshot('6-building');

  const household = page.getByTestId('drill-down-child').first();
  const householdId = Number(await household.getAttribute('data-key'));
  await household.click();
  await waitForNode('household', householdId);
  const householdCounts = await countsOfPersons(sql`p.household_id = ${householdId}`, sql`SELECT NULL::int`);
  const shown = await shownCounts();
  assert.deepEqual(shown, { population: householdCounts.population, registered: householdCounts.registered, floating: householdCounts.floating, foreign: householdCounts.foreign });
  assert.equal(await page.getByTestId('drill-down-child').count(), householdCounts.population, 'every member of the household is listed');
  await screenshot('7-household');

  const member = page.getByTestId('drill-down-child').first();
  const personId = Number(await member.getAttribute('data-key'));
  await member.click();
  await waitForNode('person', personId);
  const person = (await sql<{ name: string; idNumber: string; mobile: string }>`
    SELECT name, id_number AS "idNumber", mobile FROM persons WHERE id = ${personId}`.execute(database.db)).rows[0]!;
  const details = await page.getByTestId('drill-down-person').innerText();
  assert.ok(details.includes(person.name));
  assert.ok(details.includes(`${person.idNumber.slice(0, 6)}********${person.idNumber.slice(-4)}`), 'the ID number is shown masked');
  assert.ok(!details.includes(person.idNumber) && !details.includes(person.mobile), 'and never in full');
  const trail = await page.getByTestId('drill-down-breadcrumb').innerText();
  for (const name of ['淄博市', '张店区', '车站街道', '新华社区', person.name]) assert.ok(trail.includes(name), `the breadcrumb names ${name}`);
  await screenshot('8-person');

  await page.getByTestId('drill-down-breadcrumb').getByText('车站街道').click();
  await waitForNode('region', '370303001');
  assert.deepEqual(harness.pageErrors, []);
});

test('in English the layer switch, the legend, the side panel, the map’s own controls and its hover texts are English', TIMEOUT, async () => {
  await page.goto(`${harness.baseUrl}/command`);
  await waitForNode('region', '370300');
  await page.getByTestId('language-switch').click();
  await page.getByRole('menuitem', { name: 'English' }).click();
  await page.getByTestId('layer-switcher').getByText('Layers', { exact: true }).waitFor();
  for (const label of ['Regions', 'Grids', 'Incidents', 'Heat', 'Workers', 'Cameras', 'Places']) {
    await page.getByTestId('layer-switcher').getByText(label, { exact: true }).waitFor();
  }
  const legend = await page.getByTestId('command-map-legend').innerText();
  for (const label of ['Overdue', 'Due soon', 'On time', 'Being handled', 'Current area', 'Street', 'Building']) assert.ok(legend.includes(label), `legend: ${label}`);
  const panel = await page.getByTestId('drill-down-panel').innerText();
  for (const label of ['Population', 'Households', 'Open incidents', 'Regions below']) assert.ok(panel.includes(label), `panel: ${label}`);
  assert.doesNotMatch(`${legend}\n${panel.replace(/[\u4e00-\u9fff]+(区|市|街道|镇|社区)/g, '')}`, /[\u4e00-\u9fff]/, 'no Chinese outside place names');
  // The map is made again in the new language: MapLibre's zoom buttons say so.
  await page.locator('.maplibregl-ctrl-zoom-in[title="Zoom in"]').waitFor();

  // Hovering over a cluster of incidents tells it in English.
  const point = await page.evaluate(() => {
    const map = (document.querySelector('[data-testid="command-map"]') as HTMLElement & { commandMap: {
          queryRenderedFeatures(options: object): { geometry: { coordinates: [number, number] } }[]; project(lngLat: [number, number]): { x: number; y: number } } }).commandMap;
    const container = document.querySelector('[data-testid="command-map"]')!.getBoundingClientRect();
    // one clear of the side panel (392 px on the right) and of the legend below
    return map.queryRenderedFeatures({ layers: ['incident-clusters'] }).map((cluster) => map.project(cluster.geometry.coordinates))
      .find(({ x, y }) => x > 40 && x < container.width - 440 && y > 40 && y < container.height - 200)!;
  });
  assert.ok(point, 'a cluster is drawn clear of the panels');
  const box = (await page.getByTestId('command-map').boundingBox())!;
  await page.mouse.move(box.x + point.x, box.y + point.y);
  const tooltip = await page.locator('.grid-map-tooltip').innerText();
  assert.match(tooltip, /^(Incident \S+|\d+ incidents \(most urgent: [A-Za-z ]+\))/, tooltip);
  await screenshot('9-english');
  await page.getByTestId('language-switch').click();
  await page.getByRole('menuitem', { name: '简体中文' }).click();
  assert.deepEqual(harness.pageErrors, []);
});
