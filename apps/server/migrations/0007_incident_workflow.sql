-- What the incident workflow needs beyond 0003: the region an incident is seen from, the running step's
-- clock, suspension memory, idempotent actions, void approval, and the actions added to the timeline.

ALTER TABLE incidents
  -- the deepest region the incident lies in (its center's region when it lies outside every grid):
  -- jurisdiction is decided on this region's path
  ADD COLUMN region_id integer REFERENCES regions (id),
  ADD COLUMN current_step text CHECK (current_step IN ('register', 'dispatch', 'accept', 'handle', 'verify', 'close', 'follow_up')),
  ADD COLUMN current_step_started_at timestamptz,
  -- the moment the step has used its warning share (80 %) of the limit: yellow from then on, red from the deadline
  ADD COLUMN current_step_warning_at timestamptz,
  -- how far the deadline watcher has already raised this step, so that each alert is raised once
  ADD COLUMN current_step_alert text CHECK (current_step_alert IN ('warning', 'overdue', 'red')),
  ADD COLUMN status_before_suspension text CHECK (status_before_suspension IN ('registered', 'returned', 'dispatched', 'handling')),
  ADD COLUMN suspended_at timestamptz,
  ADD CONSTRAINT incidents_suspension_check CHECK ((status = 'suspended') = (status_before_suspension IS NOT NULL));
CREATE INDEX incidents_region_idx ON incidents (region_id);
CREATE INDEX incidents_open_warning_idx ON incidents (current_step_warning_at)
  WHERE status NOT IN ('closed', 'rejected', 'voided', 'merged', 'suspended');

CREATE SEQUENCE incident_code_seq;

ALTER TABLE incident_steps
  ADD COLUMN client_id text UNIQUE,
  DROP CONSTRAINT incident_steps_action_check,
  ADD CONSTRAINT incident_steps_action_check CHECK (action IN (
    'report', 'register', 'reject', 'dispatch', 'accept', 'return', 'transfer', 'request_extension',
    'approve_extension', 'deny_extension', 'handle', 'self_handle', 'verify', 'rework', 'close', 'follow_up',
    'reopen', 'escalate', 'hand_down', 'suspend', 'resume', 'request_void', 'void', 'deny_void', 'merge',
    'reclassify', 'supervise', 'flag_urgent', 'instruct', 'copy_to', 'file_for_record', 'read', 'comment'));

-- 作废 needs a second person's approval: a leader over the place or an operator of a center above.
CREATE TABLE void_requests (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  incident_id integer NOT NULL REFERENCES incidents (id) ON DELETE CASCADE,
  requested_by_user_id integer REFERENCES users (id),
  requested_by_name text NOT NULL,
  reason text NOT NULL,
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'approved', 'denied')),
  decided_by_user_id integer REFERENCES users (id),
  decided_at timestamptz,
  decision_note text,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX void_requests_one_pending_idx ON void_requests (incident_id) WHERE status = 'pending';
CREATE INDEX void_requests_requested_by_idx ON void_requests (requested_by_user_id);
CREATE INDEX void_requests_decided_by_idx ON void_requests (decided_by_user_id);
CREATE UNIQUE INDEX extension_requests_one_pending_idx ON extension_requests (incident_id) WHERE status = 'pending';

-- Attachments are uploaded before the step that uses them (an after-photo, then "handled").
ALTER TABLE incident_attachments ADD COLUMN width integer, ADD COLUMN height integer;

-- Photos are stored by content: the same photo attached to two incidents is one file with two rows.
ALTER TABLE incident_attachments DROP CONSTRAINT incident_attachments_storage_key_key;
CREATE INDEX incident_attachments_storage_key_idx ON incident_attachments (storage_key);
