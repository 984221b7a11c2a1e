-- The command map (指挥调度): vector tiles of boundaries and incidents, and the drill-down counts.

-- One version per boundary layer, raised by every write to its table. The server's tile cache and the tiles' ETags
-- carry it, so an edited grid shows at once, whichever server process or tool made the edit.
CREATE TABLE map_layer_versions (
  layer text PRIMARY KEY CHECK (layer IN ('regions', 'grids')),
  version bigint NOT NULL DEFAULT 1,
  updated_at timestamptz NOT NULL DEFAULT now()
);
INSERT INTO map_layer_versions (layer) VALUES ('regions'), ('grids');

CREATE FUNCTION raise_map_layer_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE map_layer_versions SET version = version + 1, updated_at = now() WHERE layer = TG_ARGV[0];
  RETURN NULL;
END $$;

CREATE TRIGGER regions_map_layer_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON regions
  FOR EACH STATEMENT EXECUTE FUNCTION raise_map_layer_version('regions');
CREATE TRIGGER grids_map_layer_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON grids
  FOR EACH STATEMENT EXECUTE FUNCTION raise_map_layer_version('grids');

-- The map shows open incidents by default: a few hundred thousand of a city's millions, found by place.
CREATE INDEX incidents_open_location_idx ON incidents USING gist (location)
  WHERE status NOT IN ('closed', 'rejected', 'voided', 'merged');

-- Drill-down counts the living population of many grids at once, by residency: read from this index alone.
SET LOCAL maintenance_work_mem = '256MB';
CREATE INDEX persons_grid_residency_idx ON persons (grid_id, residency) WHERE deregistered_on IS NULL;
