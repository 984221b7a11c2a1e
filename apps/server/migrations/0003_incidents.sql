-- The incident loop: centers and departments, categories and deadlines, incidents and their timeline,
-- daily all-clears, patrols, visits, directives, notifications and the webhook outbox.
-- Columns naming a user (…_user_id), a resident or an API token get their foreign keys in 0004_access.

CREATE TABLE centers (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  -- one governance center per region (street, district, city; communities where they have one)
  region_id integer NOT NULL UNIQUE REFERENCES regions (id),
  name text NOT NULL,
  phone text,
  address text,
  location geometry(Point, 4326),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX centers_location_idx ON centers USING gist (location);

CREATE TABLE departments (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  region_id integer NOT NULL REFERENCES regions (id),
  parent_department_id integer REFERENCES departments (id),
  code text UNIQUE,
  name text NOT NULL,
  level text NOT NULL CHECK (level IN ('city', 'district', 'street', 'community')),
  phone text,
  disabled boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (region_id, name)
);
CREATE INDEX departments_parent_idx ON departments (parent_department_id);

ALTER TABLE facilities ADD CONSTRAINT facilities_owner_department_fk
  FOREIGN KEY (owner_department_id) REFERENCES departments (id);
CREATE INDEX facilities_owner_department_idx ON facilities (owner_department_id);
CREATE INDEX facilities_grid_idx ON facilities (grid_id);

-- Two levels: a class 大类 (parent_id NULL) and its subclasses 小类; incidents use subclasses.
CREATE TABLE incident_categories (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  parent_id integer REFERENCES incident_categories (id),
  code text NOT NULL UNIQUE,
  name text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('facility', 'event', 'governance')),
  default_department_id integer REFERENCES departments (id),
  -- handling time limit; the other steps' limits are in step_time_limits
  time_limit numeric(8, 2) CHECK (time_limit > 0),
  time_limit_unit text CHECK (time_limit_unit IN ('working_hours', 'working_days', 'calendar_days')),
  urgency text NOT NULL DEFAULT 'normal' CHECK (urgency IN ('normal', 'urgent', 'critical')),
  register_condition text,
  close_condition text,
  -- offered to residents and as an Open311 service
  open_to_public boolean NOT NULL DEFAULT false,
  enabled boolean NOT NULL DEFAULT true,
  sort_order integer NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK ((time_limit IS NULL) = (time_limit_unit IS NULL)),
  CHECK (parent_id <> id)
);
CREATE INDEX incident_categories_parent_idx ON incident_categories (parent_id);
CREATE INDEX incident_categories_default_department_idx ON incident_categories (default_department_id);

-- Per-step supervision thresholds, by level of the center and optionally by category (NULL = all).
CREATE TABLE step_time_limits (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  level text NOT NULL CHECK (level IN ('city', 'district', 'street', 'community')),
  category_id integer REFERENCES incident_categories (id) ON DELETE CASCADE,
  step text NOT NULL CHECK (step IN ('register', 'dispatch', 'accept', 'handle', 'verify', 'close', 'follow_up')),
  time_limit numeric(8, 2) NOT NULL CHECK (time_limit > 0),
  time_limit_unit text NOT NULL CHECK (time_limit_unit IN ('working_hours', 'working_days', 'calendar_days')),
  -- share of the limit after which the deadline turns yellow
  warning_ratio numeric(3, 2) NOT NULL DEFAULT 0.80 CHECK (warning_ratio > 0 AND warning_ratio < 1),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE NULLS NOT DISTINCT (level, category_id, step)
);
CREATE INDEX step_time_limits_category_idx ON step_time_limits (category_id);

-- Exceptions to the Monday–Friday week only: public holidays and the weekend days worked instead (调休).
CREATE TABLE working_calendar_days (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  day date NOT NULL UNIQUE,
  is_working_day boolean NOT NULL,
  note text,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- Office hours of a working day (e.g. 08:30–12:00 and 14:00–17:30), from a date on (summer/winter hours).
CREATE TABLE working_hours (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  effective_from date NOT NULL DEFAULT DATE '2000-01-01',
  starts_at time NOT NULL,
  ends_at time NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK (ends_at > starts_at),
  UNIQUE (effective_from, starts_at)
);

CREATE TABLE incidents (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  code text NOT NULL UNIQUE,
  -- chosen by the reporting device, so that an offline retry does not create a second incident
  client_id text UNIQUE,
  source text NOT NULL CHECK (source IN (
    'grid_worker', 'resident', 'hotline', 'department_referral', 'video_alarm', 'open311')),
  source_department_id integer REFERENCES departments (id),
  source_reference text,
  category_id integer REFERENCES incident_categories (id),
  facility_id integer REFERENCES facilities (id),
  status text NOT NULL DEFAULT 'reported' CHECK (status IN (
    'reported', 'registered', 'rejected', 'dispatched', 'handling', 'returned', 'handled', 'verified',
    'closed', 'suspended', 'voided', 'merged')),
  urgent boolean NOT NULL DEFAULT false,
  -- historical-legacy case 历史遗留
  legacy boolean NOT NULL DEFAULT false,
  -- fixed on the spot by the grid worker and filed for the record
  self_handled boolean NOT NULL DEFAULT false,
  title text,
  description text NOT NULL,
  location geometry(Point, 4326),
  address text,
  grid_id integer REFERENCES grids (id),
  community_id integer REFERENCES regions (id),
  street_id integer REFERENCES regions (id),
  district_id integer REFERENCES regions (id),
  -- the center that owns the incident now; changes on escalation and hand-down
  center_id integer REFERENCES centers (id),
  -- the point lies in no grid: placed by hand
  flagged_outside_grids boolean NOT NULL DEFAULT false,
  reporter_user_id integer,
  reporter_grid_member_id integer REFERENCES grid_members (id),
  reporter_resident_id integer,
  reporter_name text,
  reporter_phone text,
  anonymous boolean NOT NULL DEFAULT false,
  api_token_id integer,
  hotline_order_number text,
  hotline_deadline timestamptz,
  current_step_deadline timestamptz,
  merged_into_incident_id integer REFERENCES incidents (id),
  reported_at timestamptz NOT NULL DEFAULT now(),
  registered_at timestamptz,
  dispatched_at timestamptz,
  handled_at timestamptz,
  verified_at timestamptz,
  closed_at timestamptz,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK ((status = 'merged') = (merged_into_incident_id IS NOT NULL)),
  CHECK (merged_into_incident_id <> id)
);
CREATE UNIQUE INDEX incidents_hotline_order_idx ON incidents (hotline_order_number) WHERE hotline_order_number IS NOT NULL;
CREATE INDEX incidents_location_idx ON incidents USING gist (location);
CREATE INDEX incidents_status_idx ON incidents (status);
CREATE INDEX incidents_center_status_idx ON incidents (center_id, status);
-- the inbox's "due soon / overdue" list only ever looks at open incidents
CREATE INDEX incidents_open_deadline_idx ON incidents (current_step_deadline)
  WHERE status NOT IN ('closed', 'rejected', 'voided', 'merged');
CREATE INDEX incidents_hotline_deadline_idx ON incidents (hotline_deadline) WHERE hotline_deadline IS NOT NULL;
CREATE INDEX incidents_category_idx ON incidents (category_id);
CREATE INDEX incidents_facility_idx ON incidents (facility_id);
CREATE INDEX incidents_grid_idx ON incidents (grid_id);
CREATE INDEX incidents_community_idx ON incidents (community_id);
CREATE INDEX incidents_street_idx ON incidents (street_id);
CREATE INDEX incidents_district_idx ON incidents (district_id);
CREATE INDEX incidents_source_department_idx ON incidents (source_department_id);
CREATE INDEX incidents_reporter_user_idx ON incidents (reporter_user_id);
CREATE INDEX incidents_reporter_grid_member_idx ON incidents (reporter_grid_member_id);
CREATE INDEX incidents_reporter_resident_idx ON incidents (reporter_resident_id);
CREATE INDEX incidents_api_token_idx ON incidents (api_token_id);
CREATE INDEX incidents_merged_into_idx ON incidents (merged_into_incident_id);
CREATE INDEX incidents_reported_at_idx ON incidents (reported_at);
CREATE INDEX incidents_flagged_outside_grids_idx ON incidents (id) WHERE flagged_outside_grids;

-- The timeline: one row per action, never changed afterwards.
CREATE TABLE incident_steps (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  incident_id integer NOT NULL REFERENCES incidents (id) ON DELETE CASCADE,
  action text NOT NULL CHECK (action IN (
    'report', 'register', 'reject', 'dispatch', 'accept', 'return', 'transfer', 'request_extension',
    'approve_extension', 'deny_extension', 'handle', 'self_handle', 'verify', 'rework', 'close', 'follow_up',
    'reopen', 'escalate', 'hand_down', 'suspend', 'resume', 'void', 'merge', 'reclassify', 'supervise',
    'instruct', 'copy_to', 'file_for_record', 'read', 'comment')),
  from_status text,
  to_status text,
  actor_user_id integer,
  actor_name text NOT NULL,
  actor_department_id integer REFERENCES departments (id),
  actor_center_id integer REFERENCES centers (id),
  note text,
  deadline timestamptz,
  -- where the actor stood, e.g. the grid worker verifying on the spot
  location geometry(Point, 4326),
  details jsonb NOT NULL DEFAULT '{}',
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX incident_steps_incident_idx ON incident_steps (incident_id, created_at);
CREATE INDEX incident_steps_actor_user_idx ON incident_steps (actor_user_id);
CREATE INDEX incident_steps_actor_department_idx ON incident_steps (actor_department_id);
CREATE INDEX incident_steps_actor_center_idx ON incident_steps (actor_center_id);
CREATE INDEX incident_steps_action_idx ON incident_steps (action, created_at);
CREATE INDEX incident_steps_location_idx ON incident_steps USING gist (location);

-- Dispatch to one lead department and any assisting ones (吹哨报到).
CREATE TABLE incident_assignments (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  incident_id integer NOT NULL REFERENCES incidents (id) ON DELETE CASCADE,
  department_id integer NOT NULL REFERENCES departments (id),
  role text NOT NULL CHECK (role IN ('lead', 'assisting')),
  state text NOT NULL DEFAULT 'dispatched' CHECK (state IN (
    'dispatched', 'handling', 'handled', 'returned', 'transferred', 'cancelled')),
  deadline timestamptz,
  -- times the same department got the case back after a failed verification
  rework_count smallint NOT NULL DEFAULT 0 CHECK (rework_count >= 0),
  dispatched_by_user_id integer,
  handler_user_id integer,
  dispatched_at timestamptz NOT NULL DEFAULT now(),
  accepted_at timestamptz,
  handled_at timestamptz,
  result text,
  return_reason text,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX incident_assignments_one_lead_idx ON incident_assignments (incident_id)
  WHERE role = 'lead' AND state IN ('dispatched', 'handling', 'handled');
CREATE INDEX incident_assignments_incident_idx ON incident_assignments (incident_id);
CREATE INDEX incident_assignments_queue_idx ON incident_assignments (department_id, state, deadline);
CREATE INDEX incident_assignments_open_deadline_idx ON incident_assignments (deadline)
  WHERE state IN ('dispatched', 'handling');
CREATE INDEX incident_assignments_dispatched_by_idx ON incident_assignments (dispatched_by_user_id);
CREATE INDEX incident_assignments_handler_idx ON incident_assignments (handler_user_id);

CREATE TABLE incident_attachments (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  incident_id integer NOT NULL REFERENCES incidents (id) ON DELETE CASCADE,
  step_id bigint REFERENCES incident_steps (id) ON DELETE SET NULL,
  kind text NOT NULL DEFAULT 'other' CHECK (kind IN ('before', 'after', 'other')),
  storage_key text NOT NULL UNIQUE,
  mime_type text NOT NULL,
  byte_size bigint NOT NULL CHECK (byte_size >= 0),
  sha256 text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  thumbnail_key text,
  original_name text,
  uploaded_by_user_id integer,
  created_at timestamptz NOT NULL DEFAULT now(),
  -- a retried upload of the same photo is the same attachment
  UNIQUE (incident_id, sha256)
);
CREATE INDEX incident_attachments_step_idx ON incident_attachments (step_id);
CREATE INDEX incident_attachments_uploaded_by_idx ON incident_attachments (uploaded_by_user_id);

-- Everyone who reported the incident, including the reporters of duplicates merged into it,
-- so that each of them can follow it and is asked for the follow-up.
CREATE TABLE incident_reporters (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  incident_id integer NOT NULL REFERENCES incidents (id) ON DELETE CASCADE,
  -- the duplicate report this reporter filed, when it was merged into incident_id
  original_incident_id integer REFERENCES incidents (id),
  user_id integer,
  grid_member_id integer REFERENCES grid_members (id),
  resident_id integer,
  name text,
  phone text,
  anonymous boolean NOT NULL DEFAULT false,
  hotline_order_number text,
  -- random code the reporter (anonymous too) follows the incident by; the incident code is guessable
  tracking_code text UNIQUE,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX incident_reporters_incident_idx ON incident_reporters (incident_id);
CREATE INDEX incident_reporters_original_incident_idx ON incident_reporters (original_incident_id);
CREATE INDEX incident_reporters_user_idx ON incident_reporters (user_id);
CREATE INDEX incident_reporters_grid_member_idx ON incident_reporters (grid_member_id);
CREATE INDEX incident_reporters_resident_idx ON incident_reporters (resident_id);
CREATE INDEX incident_reporters_hotline_order_idx ON incident_reporters (hotline_order_number);

CREATE TABLE extension_requests (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  incident_id integer NOT NULL REFERENCES incidents (id) ON DELETE CASCADE,
  assignment_id integer REFERENCES incident_assignments (id) ON DELETE CASCADE,
  department_id integer REFERENCES departments (id),
  requested_by_user_id integer,
  reason text NOT NULL,
  current_deadline timestamptz NOT NULL,
  requested_deadline timestamptz NOT NULL,
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'approved', 'denied', 'withdrawn')),
  granted_deadline timestamptz,
  decided_by_user_id integer,
  decided_at timestamptz,
  decision_note text,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK (requested_deadline > current_deadline),
  CHECK ((status = 'approved') = (granted_deadline IS NOT NULL))
);
CREATE INDEX extension_requests_incident_idx ON extension_requests (incident_id);
CREATE INDEX extension_requests_assignment_idx ON extension_requests (assignment_id);
CREATE INDEX extension_requests_department_idx ON extension_requests (department_id);
CREATE INDEX extension_requests_pending_idx ON extension_requests (created_at) WHERE status = 'pending';
CREATE INDEX extension_requests_requested_by_idx ON extension_requests (requested_by_user_id);
CREATE INDEX extension_requests_decided_by_idx ON extension_requests (decided_by_user_id);

CREATE TABLE supervision_notices (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  incident_id integer NOT NULL REFERENCES incidents (id) ON DELETE CASCADE,
  level text NOT NULL CHECK (level IN ('ordinary', 'yellow', 'red')),
  department_id integer REFERENCES departments (id),
  issued_by_center_id integer REFERENCES centers (id),
  issued_by_user_id integer,
  -- raised by the deadline watcher rather than by a person
  automatic boolean NOT NULL DEFAULT false,
  reason text NOT NULL,
  reply_deadline timestamptz,
  read_at timestamptz,
  replied_at timestamptz,
  reply text,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX supervision_notices_incident_idx ON supervision_notices (incident_id);
CREATE INDEX supervision_notices_department_idx ON supervision_notices (department_id, replied_at);
CREATE INDEX supervision_notices_center_idx ON supervision_notices (issued_by_center_id);
CREATE INDEX supervision_notices_issued_by_idx ON supervision_notices (issued_by_user_id);
CREATE INDEX supervision_notices_reply_deadline_idx ON supervision_notices (reply_deadline) WHERE replied_at IS NULL;

CREATE TABLE follow_ups (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  incident_id integer NOT NULL REFERENCES incidents (id) ON DELETE CASCADE,
  reporter_id integer REFERENCES incident_reporters (id) ON DELETE SET NULL,
  method text NOT NULL CHECK (method IN ('phone', 'sms', 'in_app', 'visit')),
  -- an unreachable reporter leaves no satisfaction
  reached boolean NOT NULL DEFAULT true,
  satisfaction text CHECK (satisfaction IN ('satisfied', 'basically', 'not')),
  comment text,
  reopened boolean NOT NULL DEFAULT false,
  by_user_id integer,
  by_resident_id integer,
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK (reached = (satisfaction IS NOT NULL)),
  CHECK (NOT reopened OR satisfaction = 'not')
);
CREATE INDEX follow_ups_incident_idx ON follow_ups (incident_id);
CREATE INDEX follow_ups_reporter_idx ON follow_ups (reporter_id);
CREATE INDEX follow_ups_by_user_idx ON follow_ups (by_user_id);
CREATE INDEX follow_ups_by_resident_idx ON follow_ups (by_resident_id);

-- 无事报平安: one report per grid member, grid and day, even when there is nothing to report.
CREATE TABLE daily_all_clears (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  grid_member_id integer NOT NULL REFERENCES grid_members (id),
  grid_id integer NOT NULL REFERENCES grids (id),
  report_date date NOT NULL,
  nothing_to_report boolean NOT NULL DEFAULT true,
  note text,
  client_id text UNIQUE,
  location geometry(Point, 4326),
  reported_at timestamptz NOT NULL DEFAULT now(),
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (grid_member_id, grid_id, report_date)
);
CREATE INDEX daily_all_clears_grid_date_idx ON daily_all_clears (grid_id, report_date);
CREATE INDEX daily_all_clears_date_idx ON daily_all_clears (report_date);
CREATE INDEX daily_all_clears_location_idx ON daily_all_clears USING gist (location);

CREATE TABLE patrols (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  grid_member_id integer NOT NULL REFERENCES grid_members (id),
  grid_id integer REFERENCES grids (id),
  client_id text UNIQUE,
  started_at timestamptz NOT NULL,
  ended_at timestamptz,
  track geometry(LineString, 4326),
  distance_metres real CHECK (distance_metres >= 0),
  note text,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK (ended_at >= started_at)
);
CREATE INDEX patrols_grid_member_idx ON patrols (grid_member_id, started_at);
CREATE INDEX patrols_grid_idx ON patrols (grid_id, started_at);
CREATE INDEX patrols_track_idx ON patrols USING gist (track);

-- Directives 指令: one task sent to every grid member of an area; completion tracked per target.
CREATE TABLE directives (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  title text NOT NULL,
  content text NOT NULL,
  kind text NOT NULL DEFAULT 'task' CHECK (kind IN ('task', 'visit', 'inspection', 'emergency', 'publicity')),
  region_id integer NOT NULL REFERENCES regions (id),
  center_id integer REFERENCES centers (id),
  issued_by_user_id integer,
  status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'issued', 'completed', 'cancelled')),
  issued_at timestamptz,
  due_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX directives_region_idx ON directives (region_id);
CREATE INDEX directives_center_idx ON directives (center_id);
CREATE INDEX directives_issued_by_idx ON directives (issued_by_user_id);
CREATE INDEX directives_status_due_idx ON directives (status, due_at);

CREATE TABLE directive_targets (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  directive_id integer NOT NULL REFERENCES directives (id) ON DELETE CASCADE,
  grid_id integer NOT NULL REFERENCES grids (id),
  -- NULL when the grid has no grid member to send it to
  grid_member_id integer REFERENCES grid_members (id),
  state text NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'read', 'in_progress', 'completed')),
  read_at timestamptz,
  completed_at timestamptz,
  result_note text,
  details jsonb NOT NULL DEFAULT '{}',
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE NULLS NOT DISTINCT (directive_id, grid_id, grid_member_id)
);
CREATE INDEX directive_targets_grid_idx ON directive_targets (grid_id);
CREATE INDEX directive_targets_grid_member_idx ON directive_targets (grid_member_id, state);

-- Visits 走访 to a person, household, house, place or organization.
CREATE TABLE visits (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  grid_member_id integer NOT NULL REFERENCES grid_members (id),
  grid_id integer REFERENCES grids (id),
  client_id text UNIQUE,
  target_kind text NOT NULL CHECK (target_kind IN ('person', 'household', 'house', 'place', 'organization')),
  person_id integer REFERENCES persons (id),
  household_id integer REFERENCES households (id),
  house_id integer REFERENCES houses (id),
  place_id integer REFERENCES places (id),
  organization_id integer REFERENCES organizations (id),
  directive_id integer REFERENCES directives (id),
  visited_at timestamptz NOT NULL,
  location geometry(Point, 4326),
  note text,
  details jsonb NOT NULL DEFAULT '{}',
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK ((target_kind = 'person') = (person_id IS NOT NULL)),
  CHECK ((target_kind = 'household') = (household_id IS NOT NULL)),
  CHECK ((target_kind = 'house') = (house_id IS NOT NULL)),
  CHECK ((target_kind = 'place') = (place_id IS NOT NULL)),
  CHECK ((target_kind = 'organization') = (organization_id IS NOT NULL))
);
CREATE INDEX visits_grid_member_idx ON visits (grid_member_id, visited_at);
CREATE INDEX visits_grid_idx ON visits (grid_id, visited_at);
CREATE INDEX visits_person_idx ON visits (person_id, visited_at);
CREATE INDEX visits_household_idx ON visits (household_id);
CREATE INDEX visits_house_idx ON visits (house_id);
CREATE INDEX visits_place_idx ON visits (place_id);
CREATE INDEX visits_organization_idx ON visits (organization_id);
CREATE INDEX visits_directive_idx ON visits (directive_id);
CREATE INDEX visits_location_idx ON visits USING gist (location);

-- In-app notifications to a user or a resident; sms rows are also handed to the SMS gateway.
CREATE TABLE notifications (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  user_id integer,
  resident_id integer,
  channel text NOT NULL DEFAULT 'in_app' CHECK (channel IN ('in_app', 'sms')),
  kind text NOT NULL,
  title text NOT NULL,
  body text,
  subject_table text,
  subject_id integer,
  read_at timestamptz,
  delivered_at timestamptz,
  delivery_error text,
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK (num_nonnulls(user_id, resident_id) = 1)
);
CREATE INDEX notifications_user_idx ON notifications (user_id, created_at);
CREATE INDEX notifications_user_unread_idx ON notifications (user_id) WHERE read_at IS NULL;
CREATE INDEX notifications_resident_idx ON notifications (resident_id, created_at);
CREATE INDEX notifications_sms_pending_idx ON notifications (created_at)
  WHERE channel = 'sms' AND delivered_at IS NULL AND delivery_error IS NULL;

CREATE TABLE webhook_subscriptions (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  name text NOT NULL,
  url text NOT NULL,
  -- kept readable: it signs every delivery (HMAC)
  secret text NOT NULL,
  events text[] NOT NULL DEFAULT '{}',
  -- only events of incidents in this region (NULL = everywhere)
  region_id integer REFERENCES regions (id),
  api_token_id integer,
  active boolean NOT NULL DEFAULT true,
  created_by_user_id integer,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX webhook_subscriptions_region_idx ON webhook_subscriptions (region_id);
CREATE INDEX webhook_subscriptions_api_token_idx ON webhook_subscriptions (api_token_id);
CREATE INDEX webhook_subscriptions_created_by_idx ON webhook_subscriptions (created_by_user_id);

-- Outbox: written in the same transaction as the change, sent and retried by a worker.
CREATE TABLE webhook_deliveries (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  subscription_id integer NOT NULL REFERENCES webhook_subscriptions (id) ON DELETE CASCADE,
  event text NOT NULL,
  payload jsonb NOT NULL,
  state text NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'delivered', 'failed')),
  attempts integer NOT NULL DEFAULT 0 CHECK (attempts >= 0),
  next_attempt_at timestamptz NOT NULL DEFAULT now(),
  last_attempt_at timestamptz,
  last_status_code integer,
  last_error text,
  delivered_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX webhook_deliveries_due_idx ON webhook_deliveries (next_attempt_at) WHERE state = 'pending';
CREATE INDEX webhook_deliveries_subscription_idx ON webhook_deliveries (subscription_id, created_at);
