-- Regions, grids and grid forces: the region–grid model ("房进网格、网格进图").
CREATE EXTENSION IF NOT EXISTS postgis;
CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE TABLE regions (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  code text NOT NULL UNIQUE,
  name text NOT NULL,
  level text NOT NULL CHECK (level IN ('city', 'district', 'street', 'community')),
  parent_id integer REFERENCES regions (id),
  -- ancestor codes and own code joined by '/', so that "everything below" is one prefix match
  path text NOT NULL UNIQUE,
  urban_rural_class text,
  boundary geometry(MultiPolygon, 4326),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX regions_parent_idx ON regions (parent_id);
CREATE INDEX regions_path_idx ON regions (path text_pattern_ops);
CREATE INDEX regions_boundary_idx ON regions USING gist (boundary);

CREATE TABLE grids (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  code text NOT NULL UNIQUE CHECK (code ~ '^([0-9]{15}|[0-9]{17})$'),
  name text NOT NULL,
  community_id integer NOT NULL REFERENCES regions (id),
  parent_grid_id integer REFERENCES grids (id) ON DELETE CASCADE,
  -- the community's path followed by the grid code (and the micro-grid code)
  path text NOT NULL UNIQUE,
  household_target integer NOT NULL DEFAULT 300 CHECK (household_target > 0),
  contact_channel text,
  boundary geometry(MultiPolygon, 4326) NOT NULL,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK ((parent_grid_id IS NULL) = (length(code) = 15))
);
CREATE INDEX grids_community_idx ON grids (community_id);
CREATE INDEX grids_parent_idx ON grids (parent_grid_id);
CREATE INDEX grids_path_idx ON grids (path text_pattern_ops);
CREATE INDEX grids_boundary_idx ON grids USING gist (boundary);

-- A person serving grids (网格力量); the same person may serve several grids in several roles.
CREATE TABLE grid_members (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  name text NOT NULL,
  phone text,
  id_number text UNIQUE,
  gender text CHECK (gender IN ('male', 'female')),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE grid_member_assignments (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  grid_member_id integer NOT NULL REFERENCES grid_members (id) ON DELETE CASCADE,
  grid_id integer NOT NULL REFERENCES grids (id) ON DELETE CASCADE,
  role text NOT NULL,
  started_on date NOT NULL DEFAULT current_date,
  ended_on date,
  UNIQUE (grid_member_id, grid_id, role)
);
CREATE INDEX grid_member_assignments_grid_idx ON grid_member_assignments (grid_id);

-- Last known position of each grid member, for the command map.
CREATE TABLE grid_member_positions (
  grid_member_id integer PRIMARY KEY REFERENCES grid_members (id) ON DELETE CASCADE,
  location geometry(Point, 4326) NOT NULL,
  accuracy_metres real,
  reported_at timestamptz NOT NULL
);
CREATE INDEX grid_member_positions_location_idx ON grid_member_positions USING gist (location);
