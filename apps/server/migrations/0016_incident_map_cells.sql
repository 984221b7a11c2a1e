-- Incident counts per map cell, so that a city-wide map does not read a million incidents per tile.
-- A cell is one of the 2^14 × 2^14 squares of Web Mercator: the 64 px clusters of zoom 11. A tile up to zoom 11 adds
-- its cells up; closer in, the map reads the incidents themselves. Triggers on incidents keep the cells exact.

-- Where a point lies on the Web Mercator square, as fractions of the world from the west and from the north. The
-- bodies name their schema: PostgreSQL 17 (PGlite) builds indexes with only pg_catalog on the search path.
CREATE FUNCTION incident_map_x(location geometry) RETURNS float8 LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
  AS $$ SELECT (public.ST_X(location) + 180) / 360 $$;
CREATE FUNCTION incident_map_y(location geometry) RETURNS float8 LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
  AS $$ SELECT (1 - ln(tan(radians(public.ST_Y(location))) + 1 / cos(radians(public.ST_Y(location)))) / pi()) / 2 $$;
CREATE FUNCTION incident_map_cell_x(location geometry) RETURNS integer LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
  AS $$ SELECT floor(public.incident_map_x(location) * 16384)::integer $$;
CREATE FUNCTION incident_map_cell_y(location geometry) RETURNS integer LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
  AS $$ SELECT floor(public.incident_map_y(location) * 16384)::integer $$;

-- One row per cell, region and status. region_id is the incident's region (0 for none): jurisdiction is decided on
-- it, as for the incidents. A row whose incidents have all gone keeps count 0.
CREATE TABLE incident_map_cells (
  cell_x integer NOT NULL,
  cell_y integer NOT NULL,
  region_id integer NOT NULL,
  status text NOT NULL,
  count integer NOT NULL,
  urgent integer NOT NULL,
  -- sums of incident_map_x and incident_map_y: the cluster is drawn at its incidents' mean position
  sum_x float8 NOT NULL,
  sum_y float8 NOT NULL,
  -- the earliest running deadline and warning moment among its open incidents: the cell's colour at any moment
  first_deadline timestamptz,
  first_warning_at timestamptz,
  -- the lowest id and code: the incident itself when the cell holds one
  first_id integer,
  first_code text,
  PRIMARY KEY (cell_x, cell_y, region_id, status)
);

-- Recounting a cell finds its incidents by this index.
SET LOCAL maintenance_work_mem = '256MB';
CREATE INDEX incidents_map_cell_idx ON incidents
  (incident_map_cell_x(location), incident_map_cell_y(location), status, (coalesce(region_id, 0)));

CREATE TYPE incident_map_cell_key AS (cell_x integer, cell_y integer, region_id integer, status text);

-- Counts the given cells again from their incidents. The cells are locked first, in key order, so that concurrent
-- writers queue on them and each recount's statements see what the writers before it committed.
CREATE FUNCTION recount_incident_map_cells(keys incident_map_cell_key[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF coalesce(cardinality(keys), 0) = 0 THEN RETURN; END IF;
  INSERT INTO incident_map_cells (cell_x, cell_y, region_id, status, count, urgent, sum_x, sum_y)
  SELECT DISTINCT k.cell_x, k.cell_y, k.region_id, k.status, 0, 0, 0, 0 FROM unnest(keys) k ORDER BY 1, 2, 3, 4
  ON CONFLICT DO NOTHING;
  PERFORM 1 FROM incident_map_cells c JOIN unnest(keys) k USING (cell_x, cell_y, region_id, status)
    ORDER BY c.cell_x, c.cell_y, c.region_id, c.status FOR UPDATE OF c;
  UPDATE incident_map_cells c
  SET (count, urgent, sum_x, sum_y, first_deadline, first_warning_at, first_id, first_code) = (
    SELECT count(*), count(*) FILTER (WHERE i.urgent), coalesce(sum(incident_map_x(i.location)), 0), coalesce(sum(incident_map_y(i.location)), 0),
           min(i.current_step_deadline) FILTER (WHERE i.status NOT IN ('closed', 'rejected', 'voided', 'merged')),
           min(i.current_step_warning_at) FILTER (WHERE i.status NOT IN ('closed', 'rejected', 'voided', 'merged')),
           min(i.id), min(i.code)
    FROM incidents i
    WHERE incident_map_cell_x(i.location) = c.cell_x AND incident_map_cell_y(i.location) = c.cell_y
      AND i.status = c.status AND coalesce(i.region_id, 0) = c.region_id)
  WHERE (c.cell_x, c.cell_y, c.region_id, c.status) IN (SELECT k.cell_x, k.cell_y, k.region_id, k.status FROM unnest(keys) k);
END $$;

-- New incidents are added to their cells (an intake batch of 100,000 costs one grouped upsert).
CREATE FUNCTION add_incident_map_cells() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO incident_map_cells AS c (cell_x, cell_y, region_id, status, count, urgent, sum_x, sum_y,
    first_deadline, first_warning_at, first_id, first_code)
  SELECT incident_map_cell_x(location), incident_map_cell_y(location), coalesce(region_id, 0), status,
         count(*), count(*) FILTER (WHERE urgent), sum(incident_map_x(location)), sum(incident_map_y(location)),
         min(current_step_deadline) FILTER (WHERE status NOT IN ('closed', 'rejected', 'voided', 'merged')),
         min(current_step_warning_at) FILTER (WHERE status NOT IN ('closed', 'rejected', 'voided', 'merged')),
         min(id), min(code)
  FROM added WHERE location IS NOT NULL
  GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4
  ON CONFLICT (cell_x, cell_y, region_id, status) DO UPDATE SET
    count = c.count + excluded.count, urgent = c.urgent + excluded.urgent,
    sum_x = c.sum_x + excluded.sum_x, sum_y = c.sum_y + excluded.sum_y,
    first_deadline = least(c.first_deadline, excluded.first_deadline),
    first_warning_at = least(c.first_warning_at, excluded.first_warning_at),
    first_id = least(c.first_id, excluded.first_id), first_code = least(c.first_code, excluded.first_code);
  RETURN NULL;
END $$;

-- A changed incident is counted again in the cells it left and the cells it joined; other updates (a version, an
-- alert level, a note) touch no cell.
CREATE FUNCTION change_incident_map_cells() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM recount_incident_map_cells(array(
    SELECT DISTINCT ROW(incident_map_cell_x(side.location), incident_map_cell_y(side.location), coalesce(side.region_id, 0), side.status)::incident_map_cell_key
    FROM removed o JOIN added n ON n.id = o.id
    CROSS JOIN LATERAL (VALUES (o.location, o.region_id, o.status), (n.location, n.region_id, n.status)) AS side (location, region_id, status)
    WHERE side.location IS NOT NULL
      AND (o.location, o.region_id, o.status, o.urgent, o.current_step_deadline, o.current_step_warning_at, o.code)
          IS DISTINCT FROM (n.location, n.region_id, n.status, n.urgent, n.current_step_deadline, n.current_step_warning_at, n.code)));
  RETURN NULL;
END $$;

CREATE FUNCTION remove_incident_map_cells() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM recount_incident_map_cells(array(
    SELECT DISTINCT ROW(incident_map_cell_x(location), incident_map_cell_y(location), coalesce(region_id, 0), status)::incident_map_cell_key
    FROM removed WHERE location IS NOT NULL));
  RETURN NULL;
END $$;

CREATE FUNCTION clear_incident_map_cells() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  TRUNCATE incident_map_cells;
  RETURN NULL;
END $$;

-- PostgreSQL allows transition tables only on single-event triggers: one trigger per event.
CREATE TRIGGER incidents_map_cells_insert AFTER INSERT ON incidents
  REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION add_incident_map_cells();
CREATE TRIGGER incidents_map_cells_update AFTER UPDATE ON incidents
  REFERENCING OLD TABLE AS removed NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION change_incident_map_cells();
CREATE TRIGGER incidents_map_cells_delete AFTER DELETE ON incidents
  REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION remove_incident_map_cells();
CREATE TRIGGER incidents_map_cells_truncate AFTER TRUNCATE ON incidents
  FOR EACH STATEMENT EXECUTE FUNCTION clear_incident_map_cells();

-- The incidents already there.
INSERT INTO incident_map_cells (cell_x, cell_y, region_id, status, count, urgent, sum_x, sum_y,
  first_deadline, first_warning_at, first_id, first_code)
SELECT incident_map_cell_x(location), incident_map_cell_y(location), coalesce(region_id, 0), status,
       count(*), count(*) FILTER (WHERE urgent), sum(incident_map_x(location)), sum(incident_map_y(location)),
       min(current_step_deadline) FILTER (WHERE status NOT IN ('closed', 'rejected', 'voided', 'merged')),
       min(current_step_warning_at) FILTER (WHERE status NOT IN ('closed', 'rejected', 'voided', 'merged')),
       min(id), min(code)
FROM incidents WHERE location IS NOT NULL
GROUP BY 1, 2, 3, 4;
ANALYZE incident_map_cells;
