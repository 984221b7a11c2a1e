-- A reopened incident is dispatched again while its earlier lead assignment stays on record as handled:
-- only one lead may be at work at a time, and the live lead is the latest.
DROP INDEX incident_assignments_one_lead_idx;
CREATE UNIQUE INDEX incident_assignments_one_working_lead_idx ON incident_assignments (incident_id)
  WHERE role = 'lead' AND state IN ('dispatched', 'handling');
