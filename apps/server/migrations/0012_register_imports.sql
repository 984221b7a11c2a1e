-- Bulk imports of the registers (人员 first): each upload is a job that the server runs in the background.

CREATE TABLE import_jobs (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  register text NOT NULL CHECK (register IN ('persons')),
  file_name text NOT NULL,
  -- the upload as streamed to disk, under DATA_DIR; it stays until the job has ended
  file_key text NOT NULL,
  file_type text NOT NULL CHECK (file_type IN ('csv', 'xlsx')),
  byte_size bigint NOT NULL,
  mode text NOT NULL CHECK (mode IN ('all_or_nothing', 'skip_invalid')),
  status text NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'running', 'succeeded', 'failed')),
  phase text CHECK (phase IN ('reading', 'writing')),
  encoding text,
  bytes_read bigint NOT NULL DEFAULT 0,
  total_rows integer,
  processed_rows integer NOT NULL DEFAULT 0,
  inserted_rows integer NOT NULL DEFAULT 0,
  updated_rows integer NOT NULL DEFAULT 0,
  unchanged_rows integer NOT NULL DEFAULT 0,
  invalid_rows integer NOT NULL DEFAULT 0,
  -- problems found (a row may have several); only the first ones are kept in import_errors
  error_count integer NOT NULL DEFAULT 0,
  warnings jsonb NOT NULL DEFAULT '[]',
  -- why the whole job failed: { code, zh, en }
  failure jsonb,
  -- who submitted it, with the jurisdiction the background run works in
  created_by integer REFERENCES users (id),
  created_by_api_token integer REFERENCES api_tokens (id),
  actor jsonb NOT NULL,
  attempts integer NOT NULL DEFAULT 0,
  -- the run that holds the job; a run whose heartbeat stopped (a crash) is taken over by the next
  runner_token uuid,
  heartbeat_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  started_at timestamptz,
  finished_at timestamptz
);
CREATE INDEX import_jobs_created_by_idx ON import_jobs (created_by, id DESC);
CREATE INDEX import_jobs_open_idx ON import_jobs (id) WHERE status IN ('queued', 'running');

CREATE TABLE import_errors (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  job_id integer NOT NULL REFERENCES import_jobs (id) ON DELETE CASCADE,
  row_number integer NOT NULL,
  column_header text,
  value text,
  message_zh text NOT NULL,
  message_en text NOT NULL
);
CREATE INDEX import_errors_job_idx ON import_errors (job_id, row_number, id);

-- Valid rows of a person import on their way into the register: staged batch by batch, resolved (grid,
-- existing person), then merged. Unlogged: after a crash the job starts over from its file.
CREATE UNLOGGED TABLE person_import_rows (
  job_id integer NOT NULL,
  row_number integer NOT NULL,
  name text NOT NULL,
  former_name text,
  gender text,
  id_type text NOT NULL,
  id_number text,
  id_number_legacy boolean NOT NULL,
  birth_date date,
  nationality text NOT NULL,
  ethnicity text,
  native_place text,
  marital_status text,
  political_status text,
  education text,
  religion text,
  occupation text,
  workplace text,
  mobile text,
  residency text NOT NULL,
  left_behind boolean NOT NULL,
  registered_address text,
  current_address text,
  grid_code text NOT NULL,
  household_number text,
  relation_to_head text,
  attention_level smallint NOT NULL,
  under_attention boolean NOT NULL,
  attention_reason text,
  data_source text NOT NULL,
  deregistered_on date,
  deregistration_reason text,
  next_visit_on date,
  last_verified_on date,
  grid_id integer,
  person_id integer,
  -- why the row cannot be written, found while staging: grid_unknown | grid_outside | person_outside
  problem text,
  PRIMARY KEY (job_id, row_number)
);

-- 户号 names one household in its grid, so that importing it again links, never duplicates.
CREATE UNIQUE INDEX households_grid_number_idx ON households (grid_id, household_number) WHERE household_number IS NOT NULL;
