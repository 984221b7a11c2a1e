-- Directives, cameras and dashboards (issue #7): an issued directive is idempotent on the console's client id, and the nearest
-- cameras to an incident are found by true distance (a KNN search over a geography index, not over degrees).

ALTER TABLE directives ADD COLUMN client_id text UNIQUE;

CREATE INDEX cameras_location_geography_idx ON cameras USING gist ((location::geography));

-- The dashboards read a period's incidents and their lead assignments from these alone (index-only scans), so that
-- a city's figures of a month or a year stay quick at a million incidents.
CREATE INDEX incidents_dashboard_idx ON incidents (reported_at)
  INCLUDE (id, region_id, category_id, source, status, current_step_deadline, district_id, street_id, community_id, grid_id);
CREATE INDEX incident_assignments_lead_dispatched_idx ON incident_assignments (dispatched_at)
  INCLUDE (id, incident_id, department_id, state, deadline, handled_at, rework_count) WHERE role = 'lead';
