-- Disputes, mediation and petitions (D); key persons, hazards, stability assessments, warnings and cameras (E, F).

-- Mediators and the other posts of a one-stop center (人民调解, 信访接待, 治安调解, 心理疏导, 律师调解, 法院工作站).
CREATE TABLE mediators (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  name text NOT NULL,
  phone text,
  region_id integer NOT NULL REFERENCES regions (id),
  user_id integer UNIQUE REFERENCES users (id),
  grid_member_id integer REFERENCES grid_members (id),
  post text NOT NULL DEFAULT 'people_mediation' CHECK (post IN (
    'people_mediation', 'petition_reception', 'public_security_mediation', 'psychological_counselling',
    'lawyer_mediation', 'court_workstation', 'other')),
  organization text,
  specialties text[] NOT NULL DEFAULT '{}',
  active boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX mediators_region_idx ON mediators (region_id);
CREATE INDEX mediators_grid_member_idx ON mediators (grid_member_id);

CREATE TABLE disputes (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  code text NOT NULL UNIQUE,
  client_id text UNIQUE,
  dispute_type text NOT NULL CHECK (dispute_type IN (
    'family', 'neighbours', 'homestead', 'land_contract', 'forest_rights', 'wages', 'property_management',
    'medical', 'demolition', 'consumer', 'traffic', 'other')),
  title text NOT NULL,
  description text NOT NULL,
  amount numeric(14, 2) CHECK (amount >= 0),
  risk_level text NOT NULL DEFAULT 'low' CHECK (risk_level IN ('low', 'medium', 'high')),
  -- major disputes raise alerts and get a leader owner
  major boolean NOT NULL DEFAULT false,
  source text NOT NULL CHECK (source IN (
    'grid_worker', 'resident', 'hotline', 'incident', 'petition', 'police', 'court', 'department_referral',
    'walk_in', 'other')),
  incident_id integer REFERENCES incidents (id),
  -- 分级诊疗: where it is handled now
  tier text NOT NULL DEFAULT 'community' CHECK (tier IN ('grid', 'community', 'street', 'district', 'court')),
  status text NOT NULL DEFAULT 'registered' CHECK (status IN (
    'registered', 'mediating', 'concluded', 'closed', 'withdrawn')),
  outcome text CHECK (outcome IN ('mediated', 'failed', 'to_court', 'to_petition')),
  grid_id integer REFERENCES grids (id),
  community_id integer REFERENCES regions (id),
  street_id integer REFERENCES regions (id),
  district_id integer REFERENCES regions (id),
  center_id integer REFERENCES centers (id),
  location geometry(Point, 4326),
  address text,
  mediator_id integer REFERENCES mediators (id),
  -- 领导包案
  leader_user_id integer REFERENCES users (id),
  leader_assigned_at timestamptz,
  registered_by_user_id integer REFERENCES users (id),
  occurred_on date,
  deadline timestamptz,
  concluded_at timestamptz,
  closed_at timestamptz,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK (outcome IS NULL OR status IN ('concluded', 'closed'))
);
CREATE INDEX disputes_status_idx ON disputes (status);
CREATE INDEX disputes_open_deadline_idx ON disputes (deadline) WHERE status IN ('registered', 'mediating');
CREATE INDEX disputes_type_idx ON disputes (dispute_type, created_at);
CREATE INDEX disputes_major_idx ON disputes (created_at) WHERE major;
CREATE INDEX disputes_incident_idx ON disputes (incident_id);
CREATE INDEX disputes_grid_idx ON disputes (grid_id);
CREATE INDEX disputes_community_idx ON disputes (community_id);
CREATE INDEX disputes_street_idx ON disputes (street_id);
CREATE INDEX disputes_district_idx ON disputes (district_id);
CREATE INDEX disputes_center_idx ON disputes (center_id, status);
CREATE INDEX disputes_mediator_idx ON disputes (mediator_id);
CREATE INDEX disputes_leader_idx ON disputes (leader_user_id);
CREATE INDEX disputes_registered_by_idx ON disputes (registered_by_user_id);
CREATE INDEX disputes_location_idx ON disputes USING gist (location);

CREATE TABLE dispute_parties (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  dispute_id integer NOT NULL REFERENCES disputes (id) ON DELETE CASCADE,
  side text NOT NULL CHECK (side IN ('applicant', 'respondent', 'third_party')),
  party_kind text NOT NULL DEFAULT 'person' CHECK (party_kind IN ('person', 'organization')),
  -- register entries when the party is in the register; name etc. are kept as given either way
  person_id integer REFERENCES persons (id),
  organization_id integer REFERENCES organizations (id),
  name text NOT NULL,
  id_number text,
  phone text,
  address text,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK (person_id IS NULL OR party_kind = 'person'),
  CHECK (organization_id IS NULL OR party_kind = 'organization')
);
CREATE INDEX dispute_parties_dispute_idx ON dispute_parties (dispute_id);
CREATE INDEX dispute_parties_person_idx ON dispute_parties (person_id);
CREATE INDEX dispute_parties_organization_idx ON dispute_parties (organization_id);
CREATE INDEX dispute_parties_id_number_idx ON dispute_parties (id_number);

CREATE TABLE mediation_sessions (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  dispute_id integer NOT NULL REFERENCES disputes (id) ON DELETE CASCADE,
  mediator_id integer REFERENCES mediators (id),
  held_at timestamptz NOT NULL,
  place text,
  mode text NOT NULL DEFAULT 'in_person' CHECK (mode IN ('in_person', 'phone', 'video')),
  participants text,
  summary text,
  result text CHECK (result IN ('continue', 'agreed', 'failed')),
  next_session_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX mediation_sessions_dispute_idx ON mediation_sessions (dispute_id, held_at);
CREATE INDEX mediation_sessions_mediator_idx ON mediation_sessions (mediator_id, held_at);

CREATE TABLE agreements (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  dispute_id integer NOT NULL REFERENCES disputes (id) ON DELETE CASCADE,
  mediation_session_id integer REFERENCES mediation_sessions (id) ON DELETE SET NULL,
  code text UNIQUE,
  signed_on date NOT NULL,
  content text NOT NULL,
  amount numeric(14, 2) CHECK (amount >= 0),
  -- 司法确认 by a court
  judicially_confirmed boolean NOT NULL DEFAULT false,
  storage_key text,
  -- performance follow-up 履行回访
  performance_due_on date,
  performance_state text NOT NULL DEFAULT 'pending' CHECK (performance_state IN (
    'pending', 'performed', 'partly_performed', 'not_performed')),
  performance_checked_on date,
  performance_note text,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX agreements_dispute_idx ON agreements (dispute_id);
CREATE INDEX agreements_session_idx ON agreements (mediation_session_id);
CREATE INDEX agreements_performance_due_idx ON agreements (performance_due_on) WHERE performance_state = 'pending';

-- 诉调对接
CREATE TABLE court_referrals (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  dispute_id integer NOT NULL REFERENCES disputes (id) ON DELETE CASCADE,
  court_name text NOT NULL,
  referral_kind text NOT NULL CHECK (referral_kind IN (
    'pre_litigation_mediation', 'judicial_confirmation', 'litigation')),
  state text NOT NULL DEFAULT 'referred' CHECK (state IN (
    'referred', 'accepted', 'mediated', 'judged', 'withdrawn', 'returned')),
  referred_at timestamptz NOT NULL DEFAULT now(),
  court_case_number text,
  result text,
  concluded_at timestamptz,
  referred_by_user_id integer REFERENCES users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX court_referrals_dispute_idx ON court_referrals (dispute_id);
CREATE INDEX court_referrals_state_idx ON court_referrals (state);
CREATE INDEX court_referrals_referred_by_idx ON court_referrals (referred_by_user_id);

-- 信访: accept or not within 15 days, conclude within 60 (extendable by 30).
CREATE TABLE petitions (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  code text NOT NULL UNIQUE,
  client_id text UNIQUE,
  channel text NOT NULL CHECK (channel IN ('visit', 'letter', 'online', 'phone', 'hotline')),
  petitioner_person_id integer REFERENCES persons (id),
  petitioner_name text NOT NULL,
  petitioner_id_number text,
  petitioner_phone text,
  -- more than one for a collective petition 集体访
  petitioner_count integer NOT NULL DEFAULT 1 CHECK (petitioner_count > 0),
  matter text NOT NULL,
  matter_category text,
  -- 初信初访
  first_time boolean NOT NULL DEFAULT true,
  repeat_of_petition_id integer REFERENCES petitions (id),
  status text NOT NULL DEFAULT 'received' CHECK (status IN (
    'received', 'accepted', 'not_accepted', 'handling', 'concluded', 'closed')),
  received_on date NOT NULL DEFAULT current_date,
  accept_by date NOT NULL,
  accepted_on date,
  conclude_by date,
  extended boolean NOT NULL DEFAULT false,
  concluded_on date,
  result text,
  satisfaction text CHECK (satisfaction IN ('satisfied', 'basically', 'not')),
  -- resolved without the petitioner coming back (one-time resolution rate)
  resolved_first_time boolean,
  dispute_id integer REFERENCES disputes (id),
  incident_id integer REFERENCES incidents (id),
  grid_id integer REFERENCES grids (id),
  community_id integer REFERENCES regions (id),
  street_id integer REFERENCES regions (id),
  district_id integer REFERENCES regions (id),
  center_id integer REFERENCES centers (id),
  handling_department_id integer REFERENCES departments (id),
  leader_user_id integer REFERENCES users (id),
  registered_by_user_id integer REFERENCES users (id),
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK (accept_by >= received_on),
  CHECK (conclude_by IS NULL OR conclude_by >= received_on),
  CHECK (repeat_of_petition_id <> id)
);
CREATE INDEX petitions_status_idx ON petitions (status);
CREATE INDEX petitions_accept_by_idx ON petitions (accept_by) WHERE status = 'received';
CREATE INDEX petitions_conclude_by_idx ON petitions (conclude_by) WHERE status IN ('accepted', 'handling');
CREATE INDEX petitions_person_idx ON petitions (petitioner_person_id);
CREATE INDEX petitions_id_number_idx ON petitions (petitioner_id_number);
CREATE INDEX petitions_repeat_of_idx ON petitions (repeat_of_petition_id);
CREATE INDEX petitions_dispute_idx ON petitions (dispute_id);
CREATE INDEX petitions_incident_idx ON petitions (incident_id);
CREATE INDEX petitions_grid_idx ON petitions (grid_id);
CREATE INDEX petitions_community_idx ON petitions (community_id);
CREATE INDEX petitions_street_idx ON petitions (street_id);
CREATE INDEX petitions_district_idx ON petitions (district_id);
CREATE INDEX petitions_center_idx ON petitions (center_id, status);
CREATE INDEX petitions_department_idx ON petitions (handling_department_id);
CREATE INDEX petitions_leader_idx ON petitions (leader_user_id);
CREATE INDEX petitions_registered_by_idx ON petitions (registered_by_user_id);

CREATE TABLE key_persons (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  person_id integer NOT NULL REFERENCES persons (id),
  grid_id integer REFERENCES grids (id),
  category text NOT NULL,
  attention_level smallint NOT NULL DEFAULT 1 CHECK (attention_level BETWEEN 1 AND 3),
  reason text,
  listed_on date NOT NULL DEFAULT current_date,
  delisted_on date,
  delisting_reason text,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (person_id, category)
);
CREATE INDEX key_persons_grid_idx ON key_persons (grid_id);

-- 一人一策: the plan for one key person, with its visit frequency.
CREATE TABLE control_plans (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  key_person_id integer NOT NULL REFERENCES key_persons (id) ON DELETE CASCADE,
  measures text NOT NULL,
  visit_interval_days integer NOT NULL CHECK (visit_interval_days > 0),
  status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'suspended', 'ended')),
  valid_from date NOT NULL DEFAULT current_date,
  valid_to date,
  last_visit_on date,
  next_visit_on date,
  approved_by_user_id integer REFERENCES users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK (valid_to IS NULL OR valid_to >= valid_from)
);
CREATE UNIQUE INDEX control_plans_one_active_idx ON control_plans (key_person_id) WHERE status = 'active';
CREATE INDEX control_plans_key_person_idx ON control_plans (key_person_id);
CREATE INDEX control_plans_next_visit_idx ON control_plans (next_visit_on) WHERE status = 'active';
CREATE INDEX control_plans_approved_by_idx ON control_plans (approved_by_user_id);

-- 一人一班: the named team of a control plan.
CREATE TABLE control_plan_members (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  control_plan_id integer NOT NULL REFERENCES control_plans (id) ON DELETE CASCADE,
  role text NOT NULL CHECK (role IN ('leader', 'grid_worker', 'police', 'cadre', 'family', 'volunteer', 'other')),
  grid_member_id integer REFERENCES grid_members (id),
  user_id integer REFERENCES users (id),
  name text NOT NULL,
  phone text,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX control_plan_members_plan_idx ON control_plan_members (control_plan_id);
CREATE INDEX control_plan_members_grid_member_idx ON control_plan_members (grid_member_id);
CREATE INDEX control_plan_members_user_idx ON control_plan_members (user_id);

-- Visit logs of a control plan are visits (0003) that name the plan.
ALTER TABLE visits ADD COLUMN control_plan_id integer REFERENCES control_plans (id);
CREATE INDEX visits_control_plan_idx ON visits (control_plan_id, visited_at);

-- Risk hazard points 风险隐患点.
CREATE TABLE hazards (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  code text UNIQUE,
  name text NOT NULL,
  kind text NOT NULL CHECK (kind IN (
    'fire', 'flood', 'geological', 'building_safety', 'gas', 'road_traffic', 'production_safety',
    'food_drug', 'public_security', 'other')),
  -- 低 / 一般 / 较大 / 重大
  risk_level text NOT NULL CHECK (risk_level IN ('low', 'moderate', 'high', 'major')),
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'rectifying', 'rectified', 'closed')),
  description text,
  grid_id integer REFERENCES grids (id),
  region_id integer REFERENCES regions (id),
  location geometry(Point, 4326),
  address text,
  place_id integer REFERENCES places (id),
  organization_id integer REFERENCES organizations (id),
  facility_id integer REFERENCES facilities (id),
  incident_id integer REFERENCES incidents (id),
  responsible_department_id integer REFERENCES departments (id),
  responsible_person text,
  found_on date NOT NULL DEFAULT current_date,
  found_by_grid_member_id integer REFERENCES grid_members (id),
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX hazards_location_idx ON hazards USING gist (location);
CREATE INDEX hazards_status_idx ON hazards (status, risk_level);
CREATE INDEX hazards_grid_idx ON hazards (grid_id);
CREATE INDEX hazards_region_idx ON hazards (region_id);
CREATE INDEX hazards_place_idx ON hazards (place_id);
CREATE INDEX hazards_organization_idx ON hazards (organization_id);
CREATE INDEX hazards_facility_idx ON hazards (facility_id);
CREATE INDEX hazards_incident_idx ON hazards (incident_id);
CREATE INDEX hazards_department_idx ON hazards (responsible_department_id);
CREATE INDEX hazards_found_by_idx ON hazards (found_by_grid_member_id);

CREATE TABLE rectification_tasks (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  hazard_id integer NOT NULL REFERENCES hazards (id) ON DELETE CASCADE,
  department_id integer REFERENCES departments (id),
  assignee text,
  measures text NOT NULL,
  due_on date NOT NULL,
  state text NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'in_progress', 'completed', 'verified', 'cancelled')),
  completed_at timestamptz,
  result text,
  verified_by_user_id integer REFERENCES users (id),
  verified_at timestamptz,
  created_by_user_id integer REFERENCES users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX rectification_tasks_hazard_idx ON rectification_tasks (hazard_id);
CREATE INDEX rectification_tasks_department_idx ON rectification_tasks (department_id, state);
CREATE INDEX rectification_tasks_open_due_idx ON rectification_tasks (due_on) WHERE state IN ('pending', 'in_progress');
CREATE INDEX rectification_tasks_verified_by_idx ON rectification_tasks (verified_by_user_id);
CREATE INDEX rectification_tasks_created_by_idx ON rectification_tasks (created_by_user_id);

-- 稳评: social stability risk assessment of a project.
CREATE TABLE stability_assessments (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  code text UNIQUE,
  project_name text NOT NULL,
  project_kind text,
  sponsor text,
  description text,
  region_id integer NOT NULL REFERENCES regions (id),
  responsible_department_id integer REFERENCES departments (id),
  location geometry(Point, 4326),
  status text NOT NULL DEFAULT 'initiated' CHECK (status IN ('initiated', 'assessing', 'decided', 'following_up', 'closed')),
  risk_level text CHECK (risk_level IN ('low', 'medium', 'high')),
  decision text CHECK (decision IN ('proceed', 'proceed_with_measures', 'postpone', 'do_not_proceed')),
  decided_on date,
  decision_note text,
  follow_up_note text,
  created_by_user_id integer REFERENCES users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK ((decision IS NULL) = (decided_on IS NULL))
);
CREATE INDEX stability_assessments_region_idx ON stability_assessments (region_id);
CREATE INDEX stability_assessments_department_idx ON stability_assessments (responsible_department_id);
CREATE INDEX stability_assessments_status_idx ON stability_assessments (status);
CREATE INDEX stability_assessments_created_by_idx ON stability_assessments (created_by_user_id);
CREATE INDEX stability_assessments_location_idx ON stability_assessments USING gist (location);

CREATE TABLE stability_assessment_steps (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  stability_assessment_id integer NOT NULL REFERENCES stability_assessments (id) ON DELETE CASCADE,
  step text NOT NULL CHECK (step IN (
    'plan', 'public_consultation', 'risk_identification', 'risk_evaluation', 'report', 'decision', 'follow_up')),
  done_on date,
  summary text,
  actor_user_id integer REFERENCES users (id),
  details jsonb NOT NULL DEFAULT '{}',
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX stability_assessment_steps_assessment_idx ON stability_assessment_steps (stability_assessment_id);
CREATE INDEX stability_assessment_steps_actor_idx ON stability_assessment_steps (actor_user_id);

-- 研判预警: the rules administrators tune, and the warnings they raise.
CREATE TABLE warning_rules (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  rule text NOT NULL UNIQUE CHECK (rule IN (
    'incident_spike', 'dispute_spike', 'repeat_location', 'repeat_petitioner', 'missed_visit', 'overdue_work')),
  enabled boolean NOT NULL DEFAULT true,
  -- thresholds and windows, e.g. {"windowDays": 7, "baselineDays": 90, "factor": 2}
  parameters jsonb NOT NULL DEFAULT '{}',
  default_level text NOT NULL DEFAULT 'yellow' CHECK (default_level IN ('blue', 'yellow', 'orange', 'red')),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE warnings (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  rule text NOT NULL CHECK (rule IN (
    'incident_spike', 'dispute_spike', 'repeat_location', 'repeat_petitioner', 'missed_visit', 'overdue_work')),
  level text NOT NULL CHECK (level IN ('blue', 'yellow', 'orange', 'red')),
  region_id integer REFERENCES regions (id),
  grid_id integer REFERENCES grids (id),
  center_id integer NOT NULL REFERENCES centers (id),
  title text NOT NULL,
  subject_table text,
  subject_id integer,
  location geometry(Point, 4326),
  -- what the rule saw, e.g. the count against the baseline
  details jsonb NOT NULL DEFAULT '{}',
  -- one open warning per rule and subject: the rule engine raises the same condition only once
  dedupe_key text NOT NULL,
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'acknowledged', 'handling', 'resolved', 'dismissed')),
  raised_at timestamptz NOT NULL DEFAULT now(),
  acknowledged_by_user_id integer REFERENCES users (id),
  acknowledged_at timestamptz,
  resolved_at timestamptz,
  resolution_note text,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX warnings_open_dedupe_idx ON warnings (rule, dedupe_key)
  WHERE status IN ('open', 'acknowledged', 'handling');
CREATE INDEX warnings_center_status_idx ON warnings (center_id, status);
CREATE INDEX warnings_region_idx ON warnings (region_id);
CREATE INDEX warnings_grid_idx ON warnings (grid_id);
CREATE INDEX warnings_acknowledged_by_idx ON warnings (acknowledged_by_user_id);
CREATE INDEX warnings_subject_idx ON warnings (subject_table, subject_id);
CREATE INDEX warnings_raised_at_idx ON warnings (raised_at);
CREATE INDEX warnings_location_idx ON warnings USING gist (location);

-- Video camera points 视频点位.
CREATE TABLE cameras (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  -- GB/T 28181 device id where the video platform has one
  device_code text UNIQUE,
  name text NOT NULL,
  location geometry(Point, 4326) NOT NULL,
  stream_url text,
  region_id integer REFERENCES regions (id),
  grid_id integer REFERENCES grids (id),
  status text NOT NULL DEFAULT 'online' CHECK (status IN ('online', 'offline', 'fault', 'decommissioned')),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX cameras_location_idx ON cameras USING gist (location);
CREATE INDEX cameras_region_idx ON cameras (region_id);
CREATE INDEX cameras_grid_idx ON cameras (grid_id);

-- The camera that raised a video_alarm incident.
ALTER TABLE incidents ADD COLUMN camera_id integer REFERENCES cameras (id);
CREATE INDEX incidents_camera_idx ON incidents (camera_id);
