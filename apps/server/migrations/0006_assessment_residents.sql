-- Assessment and indices (G) and the residents' channel (H). Resident reports are incidents with
-- source 'resident'; their reporters are incident_reporters rows with resident_id (0003, 0004).

-- Weights of the indicators (they must add up to 1: checked by the domain package, not here).
CREATE TABLE assessment_schemes (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  name text NOT NULL,
  purpose text NOT NULL DEFAULT 'assessment' CHECK (purpose IN ('assessment', 'safety_index')),
  subject_kind text NOT NULL CHECK (subject_kind IN ('grid_member', 'department', 'region')),
  weights jsonb NOT NULL,
  -- minimum score of each star, e.g. {"5": 95, "4": 85, "3": 75, "2": 60}
  star_thresholds jsonb NOT NULL DEFAULT '{}',
  valid_from date NOT NULL,
  valid_to date,
  active boolean NOT NULL DEFAULT true,
  created_by_user_id integer REFERENCES users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK (valid_to IS NULL OR valid_to >= valid_from)
);
CREATE INDEX assessment_schemes_created_by_idx ON assessment_schemes (created_by_user_id);

-- One row per subject and month; period is the first day of the month.
CREATE TABLE assessment_scores (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  scheme_id integer NOT NULL REFERENCES assessment_schemes (id),
  subject_kind text NOT NULL CHECK (subject_kind IN ('grid_member', 'department', 'region')),
  grid_member_id integer REFERENCES grid_members (id),
  department_id integer REFERENCES departments (id),
  region_id integer REFERENCES regions (id),
  period date NOT NULL CHECK (extract(day FROM period) = 1),
  indicators jsonb NOT NULL DEFAULT '{}',
  score numeric(6, 2),
  star_rating smallint CHECK (star_rating BETWEEN 1 AND 5),
  rank integer CHECK (rank > 0),
  computed_at timestamptz NOT NULL DEFAULT now(),
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK ((subject_kind = 'grid_member') = (grid_member_id IS NOT NULL)),
  CHECK ((subject_kind = 'department') = (department_id IS NOT NULL)),
  CHECK ((subject_kind = 'region') = (region_id IS NOT NULL)),
  UNIQUE NULLS NOT DISTINCT (scheme_id, period, grid_member_id, department_id, region_id)
);
CREATE INDEX assessment_scores_period_idx ON assessment_scores (subject_kind, period, rank);
CREATE INDEX assessment_scores_grid_member_idx ON assessment_scores (grid_member_id, period);
CREATE INDEX assessment_scores_department_idx ON assessment_scores (department_id, period);
CREATE INDEX assessment_scores_region_idx ON assessment_scores (region_id, period);

-- 平安指数 of a street/town for one month.
CREATE TABLE safety_index_values (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  street_id integer NOT NULL REFERENCES regions (id),
  period date NOT NULL CHECK (extract(day FROM period) = 1),
  scheme_id integer REFERENCES assessment_schemes (id),
  indicators jsonb NOT NULL DEFAULT '{}',
  score numeric(5, 2) NOT NULL CHECK (score BETWEEN 0 AND 100),
  level text NOT NULL CHECK (level IN ('excellent', 'good', 'fair', 'poor')),
  -- shown on the public page only once published
  published boolean NOT NULL DEFAULT false,
  published_at timestamptz,
  computed_at timestamptz NOT NULL DEFAULT now(),
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (street_id, period)
);
CREATE INDEX safety_index_values_period_idx ON safety_index_values (period);
CREATE INDEX safety_index_values_scheme_idx ON safety_index_values (scheme_id);

-- 信用积分: catalogue of behaviours; positive points reward, negative points penalise.
CREATE TABLE credit_point_rules (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  code text NOT NULL UNIQUE,
  name text NOT NULL,
  category text,
  description text,
  points integer NOT NULL CHECK (points <> 0),
  -- cap per holder and calendar year (NULL = none)
  max_times_per_year integer CHECK (max_times_per_year > 0),
  enabled boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- The 4 classes / 9 grades, by balance (1,000 base + the sum of entries).
CREATE TABLE credit_grades (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  grade text NOT NULL UNIQUE,
  class text NOT NULL,
  min_points integer NOT NULL,
  max_points integer,
  sort_order integer NOT NULL DEFAULT 0,
  CHECK (max_points IS NULL OR max_points >= min_points)
);

-- A holder's balance is 1,000 plus the sum of their entries; corrections are counter-entries.
CREATE TABLE credit_point_entries (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  resident_id integer REFERENCES residents (id),
  person_id integer REFERENCES persons (id),
  -- NULL for a manual adjustment, which then needs a reason
  rule_id integer REFERENCES credit_point_rules (id),
  points integer NOT NULL CHECK (points <> 0),
  reason text,
  occurred_on date NOT NULL DEFAULT current_date,
  grid_id integer REFERENCES grids (id),
  recorded_by_user_id integer REFERENCES users (id),
  reverses_entry_id integer REFERENCES credit_point_entries (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK (num_nonnulls(resident_id, person_id) >= 1),
  CHECK (rule_id IS NOT NULL OR reason IS NOT NULL)
);
CREATE INDEX credit_point_entries_resident_idx ON credit_point_entries (resident_id, occurred_on);
CREATE INDEX credit_point_entries_person_idx ON credit_point_entries (person_id, occurred_on);
CREATE INDEX credit_point_entries_rule_idx ON credit_point_entries (rule_id);
CREATE INDEX credit_point_entries_grid_idx ON credit_point_entries (grid_id);
CREATE INDEX credit_point_entries_recorded_by_idx ON credit_point_entries (recorded_by_user_id);
CREATE INDEX credit_point_entries_reverses_idx ON credit_point_entries (reverses_entry_id);

-- Public notices for residents of a region (NULL = the whole city).
CREATE TABLE notices (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  title text NOT NULL,
  body text NOT NULL,
  kind text NOT NULL DEFAULT 'notice' CHECK (kind IN ('notice', 'emergency', 'publicity', 'policy')),
  region_id integer REFERENCES regions (id),
  status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'published', 'withdrawn')),
  pinned boolean NOT NULL DEFAULT false,
  published_at timestamptz,
  expires_at timestamptz,
  author_user_id integer REFERENCES users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK (status <> 'published' OR published_at IS NOT NULL)
);
CREATE INDEX notices_published_idx ON notices (published_at) WHERE status = 'published';
CREATE INDEX notices_region_idx ON notices (region_id);
CREATE INDEX notices_author_idx ON notices (author_user_id);
