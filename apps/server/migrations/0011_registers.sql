-- Registers (issue #5): the fields of floating, foreign and left-behind persons; the "9 + X" lifecycle
-- (attention, data source, deregistration, visits, verification, who changed it) on every register; versions
-- for group records and households; and the indexes that keep person search fast at 5,000,000 persons.

-- A city's existing registers get their indexes built here once; give the builds room (this transaction only).
SET LOCAL maintenance_work_mem = '256MB';

ALTER TABLE persons
  ADD COLUMN inflow_reason text CHECK (inflow_reason IN ('work', 'business', 'study', 'family', 'other')),
  ADD COLUMN inflow_on date,
  ADD COLUMN residence_permit_number text,
  ADD COLUMN foreign_name text,
  ADD COLUMN visa_type text,
  ADD COLUMN entry_on date,
  ADD COLUMN visa_expires_on date,
  ADD COLUMN left_behind_kind text CHECK (left_behind_kind IN ('child', 'elderly', 'woman'));

-- Search. Names already have a trigram index (persons_name_trgm_idx); addresses get theirs. A name of two
-- characters has no inner trigram, so two-character searches match the start or the end of a name, which
-- pg_trgm pads and can index.
CREATE INDEX persons_current_address_trgm_idx ON persons USING gin (current_address gin_trgm_ops);
CREATE INDEX persons_registered_address_trgm_idx ON persons USING gin (registered_address gin_trgm_ops);
-- The last 4–6 characters of an ID number or phone (what a masked number shows): a prefix of the reversed text.
CREATE INDEX persons_id_number_tail_idx ON persons (reverse(id_number) text_pattern_ops) WHERE id_number IS NOT NULL;
CREATE INDEX persons_mobile_tail_idx ON persons (reverse(mobile) text_pattern_ops) WHERE mobile IS NOT NULL;
-- The person list: persons on the register grid by grid in id order, and their counts, from the index alone.
CREATE INDEX persons_on_register_idx ON persons (grid_id, id) WHERE deregistered_on IS NULL;
-- Filters of the person list, each small: only the rows the filter picks.
CREATE INDEX persons_under_attention_idx ON persons (grid_id) WHERE under_attention;
CREATE INDEX persons_left_behind_idx ON persons (grid_id) WHERE left_behind;
CREATE INDEX persons_attention_level_idx ON persons (attention_level, grid_id) WHERE attention_level > 1;
CREATE INDEX persons_residency_idx ON persons (residency, grid_id) WHERE residency <> 'registered';
CREATE INDEX persons_deregistered_idx ON persons (grid_id) WHERE deregistered_on IS NOT NULL;
-- Likely duplicates: persons without an ID number or with an old 15-digit one, by name and birth date.
CREATE INDEX persons_weak_identity_idx ON persons (name, birth_date) WHERE (id_number IS NULL OR id_number_legacy) AND deregistered_on IS NULL;
CREATE INDEX special_group_records_kind_idx ON special_group_records (group_kind, person_id);
CREATE INDEX care_group_records_kind_idx ON care_group_records (group_kind, person_id);
-- References a merge of duplicates moves from one person to the other.
CREATE INDEX special_group_records_guardian_idx ON special_group_records (guardian_person_id) WHERE guardian_person_id IS NOT NULL;
CREATE INDEX houses_owner_idx ON houses (owner_person_id) WHERE owner_person_id IS NOT NULL;
CREATE INDEX households_head_idx ON households (head_person_id) WHERE head_person_id IS NOT NULL;
CREATE INDEX rental_tenancies_tenant_idx ON rental_tenancies (tenant_person_id);

-- Group records: who changed them, and a version for concurrent edits.
ALTER TABLE special_group_records
  ADD COLUMN created_by integer REFERENCES users (id),
  ADD COLUMN updated_by integer REFERENCES users (id),
  ADD CONSTRAINT special_group_records_risk_level_check CHECK (risk_level BETWEEN 0 AND 5);
ALTER TABLE care_group_records
  ADD COLUMN started_on date,
  ADD COLUMN ended_on date,
  ADD COLUMN version integer NOT NULL DEFAULT 1,
  ADD COLUMN created_by integer REFERENCES users (id),
  ADD COLUMN updated_by integer REFERENCES users (id);

ALTER TABLE organizations
  ADD COLUMN employees integer CHECK (employees >= 0),
  ADD COLUMN attention_level smallint NOT NULL DEFAULT 1 CHECK (attention_level BETWEEN 1 AND 3),
  ADD COLUMN deregistered_on date,
  ADD COLUMN deregistration_reason text,
  ADD COLUMN next_visit_on date,
  ADD COLUMN last_verified_on date,
  ADD COLUMN created_by integer REFERENCES users (id),
  ADD COLUMN updated_by integer REFERENCES users (id),
  ADD CONSTRAINT organizations_kind_check CHECK (kind IN (
    'enterprise', 'individual_business', 'social_organization', 'school', 'hospital', 'market', 'government', 'other')),
  ADD CONSTRAINT organizations_data_source_check CHECK (data_source IN ('entered', 'claimed', 'verified'));
CREATE INDEX organizations_name_trgm_idx ON organizations USING gin (name gin_trgm_ops);

ALTER TABLE places
  ADD COLUMN responsible_person text,
  ADD COLUMN phone text,
  ADD COLUMN data_source text NOT NULL DEFAULT 'entered' CHECK (data_source IN ('entered', 'claimed', 'verified')),
  ADD COLUMN deregistered_on date,
  ADD COLUMN deregistration_reason text,
  ADD COLUMN next_visit_on date,
  ADD COLUMN last_verified_on date,
  ADD COLUMN created_by integer REFERENCES users (id),
  ADD COLUMN updated_by integer REFERENCES users (id),
  ADD CONSTRAINT places_kind_check CHECK (kind IN (
    'market', 'station', 'school_surroundings', 'entertainment', 'internet_cafe', 'hotel', 'religious',
    'construction_site', 'hazardous_goods', 'crowded_place', 'other')),
  ADD CONSTRAINT places_attention_level_check CHECK (attention_level BETWEEN 1 AND 3);
CREATE INDEX places_grid_idx ON places (grid_id);
CREATE INDEX places_organization_idx ON places (organization_id);
CREATE INDEX places_name_trgm_idx ON places USING gin (name gin_trgm_ops);

ALTER TABLE facilities
  ADD COLUMN name text,
  ADD COLUMN address text,
  ADD COLUMN owner_unit text,
  ADD COLUMN maintenance_unit text,
  ADD COLUMN attention_level smallint NOT NULL DEFAULT 1 CHECK (attention_level BETWEEN 1 AND 3),
  ADD COLUMN data_source text NOT NULL DEFAULT 'entered' CHECK (data_source IN ('entered', 'claimed', 'verified')),
  ADD COLUMN deregistered_on date,
  ADD COLUMN deregistration_reason text,
  ADD COLUMN next_visit_on date,
  ADD COLUMN last_verified_on date,
  ADD COLUMN version integer NOT NULL DEFAULT 1,
  ADD COLUMN created_by integer REFERENCES users (id),
  ADD COLUMN updated_by integer REFERENCES users (id),
  ADD CONSTRAINT facilities_status_check CHECK (status IN ('in_service', 'damaged', 'missing', 'removed')),
  -- the category is the code's class and subclass
  ADD CONSTRAINT facilities_category_check CHECK (category_code = substr(facility_code, 7, 4));
CREATE INDEX facilities_category_idx ON facilities (category_code);

ALTER TABLE houses
  ADD COLUMN attention_level smallint NOT NULL DEFAULT 1 CHECK (attention_level BETWEEN 1 AND 3),
  ADD COLUMN data_source text NOT NULL DEFAULT 'entered' CHECK (data_source IN ('entered', 'claimed', 'verified')),
  ADD COLUMN deregistered_on date,
  ADD COLUMN deregistration_reason text,
  ADD COLUMN next_visit_on date,
  ADD COLUMN last_verified_on date,
  ADD COLUMN created_by integer REFERENCES users (id),
  ADD COLUMN updated_by integer REFERENCES users (id);
CREATE INDEX houses_rented_idx ON houses (building_id) WHERE use = 'rented';

ALTER TABLE households
  ADD COLUMN version integer NOT NULL DEFAULT 1,
  ADD COLUMN attention_level smallint NOT NULL DEFAULT 1 CHECK (attention_level BETWEEN 1 AND 3),
  ADD COLUMN data_source text NOT NULL DEFAULT 'entered' CHECK (data_source IN ('entered', 'claimed', 'verified')),
  ADD COLUMN deregistered_on date,
  ADD COLUMN deregistration_reason text,
  ADD COLUMN next_visit_on date,
  ADD COLUMN last_verified_on date,
  ADD COLUMN created_by integer REFERENCES users (id),
  ADD COLUMN updated_by integer REFERENCES users (id),
  ADD CONSTRAINT households_kind_check CHECK (kind IN ('family', 'collective'));

-- A tenancy of a rental house: who registered it, and an end not before its start.
ALTER TABLE rental_tenancies
  ADD COLUMN created_by integer REFERENCES users (id),
  ADD COLUMN created_at timestamptz NOT NULL DEFAULT now(),
  ADD CONSTRAINT rental_tenancies_dates_check CHECK (ended_on IS NULL OR started_on IS NULL OR ended_on >= started_on);
