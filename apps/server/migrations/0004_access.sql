-- Platform access: users with a role and a jurisdiction, sessions, API tokens, login attempts,
-- the append-only audit log, and residents (the public), who are not users.

CREATE TABLE users (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  username text NOT NULL UNIQUE,
  password_hash text NOT NULL,
  display_name text NOT NULL,
  phone text,
  role text NOT NULL CHECK (role IN (
    'city_operator', 'district_operator', 'street_operator', 'community_operator', 'leader',
    'department_handler', 'grid_worker', 'mediator', 'administrator')),
  -- jurisdiction: everything at and below this region (NULL only for a city-wide administrator)
  region_id integer REFERENCES regions (id),
  department_id integer REFERENCES departments (id),
  grid_member_id integer UNIQUE REFERENCES grid_members (id),
  locale text NOT NULL DEFAULT 'zh-CN' CHECK (locale IN ('zh-CN', 'zh-TW', 'en')),
  disabled boolean NOT NULL DEFAULT false,
  failed_login_count integer NOT NULL DEFAULT 0 CHECK (failed_login_count >= 0),
  locked_until timestamptz,
  password_changed_at timestamptz,
  must_change_password boolean NOT NULL DEFAULT false,
  last_login_at timestamptz,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK (role NOT IN ('city_operator', 'district_operator', 'street_operator', 'community_operator', 'leader', 'mediator')
    OR region_id IS NOT NULL),
  CHECK (role <> 'department_handler' OR department_id IS NOT NULL),
  CHECK (role <> 'grid_worker' OR grid_member_id IS NOT NULL)
);
CREATE INDEX users_region_idx ON users (region_id);
CREATE INDEX users_department_idx ON users (department_id);

-- The grids a user may see, when the jurisdiction is narrower than a region (grid workers).
CREATE TABLE user_grids (
  user_id integer NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  grid_id integer NOT NULL REFERENCES grids (id) ON DELETE CASCADE,
  PRIMARY KEY (user_id, grid_id)
);
CREATE INDEX user_grids_grid_idx ON user_grids (grid_id);

-- Only hashes of session and CSRF tokens are stored.
CREATE TABLE sessions (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  token_hash text NOT NULL UNIQUE,
  user_id integer NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  csrf_token_hash text NOT NULL,
  expires_at timestamptz NOT NULL,
  revoked_at timestamptz,
  ip inet,
  user_agent text,
  last_seen_at timestamptz NOT NULL DEFAULT now(),
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX sessions_user_idx ON sessions (user_id);
CREATE INDEX sessions_expires_idx ON sessions (expires_at);

-- Tokens for the open API, the hotline webhook and upper-level platforms.
CREATE TABLE api_tokens (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  token_hash text NOT NULL UNIQUE,
  -- first characters of the token, to tell tokens apart in the console
  token_prefix text,
  name text NOT NULL,
  region_id integer REFERENCES regions (id),
  permissions text[] NOT NULL DEFAULT '{}',
  created_by_user_id integer REFERENCES users (id),
  expires_at timestamptz,
  revoked_at timestamptz,
  last_used_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX api_tokens_region_idx ON api_tokens (region_id);
CREATE INDEX api_tokens_created_by_idx ON api_tokens (created_by_user_id);

CREATE TABLE login_attempts (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  username text NOT NULL,
  user_id integer REFERENCES users (id) ON DELETE SET NULL,
  ip inet,
  user_agent text,
  succeeded boolean NOT NULL,
  failure_reason text,
  at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX login_attempts_username_idx ON login_attempts (username, at);
CREATE INDEX login_attempts_ip_idx ON login_attempts (ip, at);
CREATE INDEX login_attempts_user_idx ON login_attempts (user_id);

-- Residents 群众: the public identity of the residents' channel, verified by an SMS code.
CREATE TABLE residents (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  phone text UNIQUE,
  display_name text,
  verified boolean NOT NULL DEFAULT false,
  verified_at timestamptz,
  -- the register entry, once the resident is matched to one (credit points)
  person_id integer UNIQUE REFERENCES persons (id),
  disabled boolean NOT NULL DEFAULT false,
  last_seen_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK (NOT verified OR phone IS NOT NULL)
);

CREATE TABLE resident_sessions (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  token_hash text NOT NULL UNIQUE,
  resident_id integer NOT NULL REFERENCES residents (id) ON DELETE CASCADE,
  expires_at timestamptz NOT NULL,
  revoked_at timestamptz,
  ip inet,
  user_agent text,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX resident_sessions_resident_idx ON resident_sessions (resident_id);
CREATE INDEX resident_sessions_expires_idx ON resident_sessions (expires_at);

CREATE TABLE resident_verification_codes (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  phone text NOT NULL,
  code_hash text NOT NULL,
  attempts integer NOT NULL DEFAULT 0 CHECK (attempts >= 0),
  expires_at timestamptz NOT NULL,
  consumed_at timestamptz,
  ip inet,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX resident_verification_codes_phone_idx ON resident_verification_codes (phone, created_at);

CREATE TABLE audit_log (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  at timestamptz NOT NULL DEFAULT now(),
  actor_user_id integer REFERENCES users (id),
  actor_api_token_id integer REFERENCES api_tokens (id),
  actor_resident_id integer REFERENCES residents (id),
  ip inet,
  action text NOT NULL,
  target_table text,
  target_id bigint,
  reason text,
  details jsonb NOT NULL DEFAULT '{}'
);
CREATE INDEX audit_log_at_idx ON audit_log (at);
CREATE INDEX audit_log_actor_user_idx ON audit_log (actor_user_id, at);
CREATE INDEX audit_log_actor_api_token_idx ON audit_log (actor_api_token_id);
CREATE INDEX audit_log_actor_resident_idx ON audit_log (actor_resident_id);
CREATE INDEX audit_log_target_idx ON audit_log (target_table, target_id, at);

-- The audit log is append-only inside the database too, whatever the application does.
CREATE FUNCTION refuse_audit_log_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only: % is not allowed', TG_OP
    USING ERRCODE = 'insufficient_privilege';
END;
$$;
-- statement-level, so that even an UPDATE or DELETE matching no row is refused
CREATE TRIGGER audit_log_no_update_delete BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION refuse_audit_log_change();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION refuse_audit_log_change();

-- Foreign keys for the user, resident and token columns of earlier migrations.
ALTER TABLE persons ADD CONSTRAINT persons_created_by_fk FOREIGN KEY (created_by) REFERENCES users (id);
ALTER TABLE persons ADD CONSTRAINT persons_updated_by_fk FOREIGN KEY (updated_by) REFERENCES users (id);
ALTER TABLE record_changes ADD CONSTRAINT record_changes_changed_by_fk FOREIGN KEY (changed_by) REFERENCES users (id);
CREATE INDEX record_changes_changed_by_idx ON record_changes (changed_by);

ALTER TABLE incidents ADD CONSTRAINT incidents_reporter_user_fk FOREIGN KEY (reporter_user_id) REFERENCES users (id);
ALTER TABLE incidents ADD CONSTRAINT incidents_reporter_resident_fk FOREIGN KEY (reporter_resident_id) REFERENCES residents (id);
ALTER TABLE incidents ADD CONSTRAINT incidents_api_token_fk FOREIGN KEY (api_token_id) REFERENCES api_tokens (id);
ALTER TABLE incident_steps ADD CONSTRAINT incident_steps_actor_user_fk FOREIGN KEY (actor_user_id) REFERENCES users (id);
ALTER TABLE incident_assignments ADD CONSTRAINT incident_assignments_dispatched_by_fk
  FOREIGN KEY (dispatched_by_user_id) REFERENCES users (id);
ALTER TABLE incident_assignments ADD CONSTRAINT incident_assignments_handler_fk FOREIGN KEY (handler_user_id) REFERENCES users (id);
ALTER TABLE incident_attachments ADD CONSTRAINT incident_attachments_uploaded_by_fk
  FOREIGN KEY (uploaded_by_user_id) REFERENCES users (id);
ALTER TABLE incident_reporters ADD CONSTRAINT incident_reporters_user_fk FOREIGN KEY (user_id) REFERENCES users (id);
ALTER TABLE incident_reporters ADD CONSTRAINT incident_reporters_resident_fk FOREIGN KEY (resident_id) REFERENCES residents (id);
ALTER TABLE extension_requests ADD CONSTRAINT extension_requests_requested_by_fk
  FOREIGN KEY (requested_by_user_id) REFERENCES users (id);
ALTER TABLE extension_requests ADD CONSTRAINT extension_requests_decided_by_fk FOREIGN KEY (decided_by_user_id) REFERENCES users (id);
ALTER TABLE supervision_notices ADD CONSTRAINT supervision_notices_issued_by_fk FOREIGN KEY (issued_by_user_id) REFERENCES users (id);
ALTER TABLE follow_ups ADD CONSTRAINT follow_ups_by_user_fk FOREIGN KEY (by_user_id) REFERENCES users (id);
ALTER TABLE follow_ups ADD CONSTRAINT follow_ups_by_resident_fk FOREIGN KEY (by_resident_id) REFERENCES residents (id);
ALTER TABLE directives ADD CONSTRAINT directives_issued_by_fk FOREIGN KEY (issued_by_user_id) REFERENCES users (id);
ALTER TABLE notifications ADD CONSTRAINT notifications_user_fk FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE;
ALTER TABLE notifications ADD CONSTRAINT notifications_resident_fk FOREIGN KEY (resident_id) REFERENCES residents (id) ON DELETE CASCADE;
ALTER TABLE webhook_subscriptions ADD CONSTRAINT webhook_subscriptions_api_token_fk
  FOREIGN KEY (api_token_id) REFERENCES api_tokens (id);
ALTER TABLE webhook_subscriptions ADD CONSTRAINT webhook_subscriptions_created_by_fk
  FOREIGN KEY (created_by_user_id) REFERENCES users (id);
