-- Field work of the grid worker app (issue #6): photos of a visit, the fixes kept on a patrol's track, the last
-- visit of a person or house, and the indexes behind a grid worker's task counts.

-- Photos of a visit, kept in the same content store as incident photos: the same bytes on one visit are one photo.
CREATE TABLE visit_photos (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  visit_id integer NOT NULL REFERENCES visits (id) ON DELETE CASCADE,
  storage_key text NOT NULL,
  thumbnail_key text,
  mime_type text NOT NULL,
  byte_size integer NOT NULL CHECK (byte_size > 0),
  sha256 text NOT NULL,
  width integer,
  height integer,
  uploaded_by_user_id integer REFERENCES users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (visit_id, sha256)
);
CREATE INDEX visit_photos_uploaded_by_idx ON visit_photos (uploaded_by_user_id);

-- The fixes a patrol's track was drawn from (poor fixes and GPS jumps left out), as the phone counted them.
ALTER TABLE patrols ADD COLUMN point_count integer NOT NULL DEFAULT 0 CHECK (point_count >= 0);

-- When the record was last visited; with next_visit_on it tells the interval a record is visited at.
ALTER TABLE persons ADD COLUMN last_visited_at timestamptz;
ALTER TABLE houses ADD COLUMN last_visited_at timestamptz;

-- Visits due in a grid worker's grids: the records on the register with a next visit, by grid (persons) or building (houses).
CREATE INDEX persons_next_visit_idx ON persons (grid_id, next_visit_on) WHERE next_visit_on IS NOT NULL AND deregistered_on IS NULL;
CREATE INDEX houses_next_visit_idx ON houses (building_id, next_visit_on) WHERE next_visit_on IS NOT NULL AND deregistered_on IS NULL;
