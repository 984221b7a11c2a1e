-- Base data: buildings → units → houses → households → persons, organizations, places, facilities,
-- special and care groups, and the change history of every register record.

CREATE TABLE buildings (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  grid_id integer NOT NULL REFERENCES grids (id),
  name text NOT NULL,
  address text,
  building_type text,
  floors integer,
  location geometry(Point, 4326) NOT NULL,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX buildings_grid_idx ON buildings (grid_id);
CREATE INDEX buildings_location_idx ON buildings USING gist (location);

CREATE TABLE units (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  building_id integer NOT NULL REFERENCES buildings (id) ON DELETE CASCADE,
  name text NOT NULL,
  UNIQUE (building_id, name)
);

CREATE TABLE persons (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  grid_id integer REFERENCES grids (id),
  name text NOT NULL,
  former_name text,
  gender text CHECK (gender IN ('male', 'female')),
  id_type text NOT NULL DEFAULT 'resident_id_card',
  id_number text,
  id_number_legacy boolean NOT NULL DEFAULT false,
  birth_date date,
  nationality text NOT NULL DEFAULT 'CHN',
  ethnicity text,
  native_place text,
  marital_status text,
  political_status text,
  education text,
  religion text,
  occupation text,
  workplace text,
  mobile text,
  residency text NOT NULL CHECK (residency IN ('registered', 'floating', 'foreign')),
  left_behind boolean NOT NULL DEFAULT false,
  registered_address text,
  current_address text,
  addresses_match boolean,
  household_id integer,
  relation_to_head text,
  attention_level smallint NOT NULL DEFAULT 1 CHECK (attention_level BETWEEN 1 AND 3),
  under_attention boolean NOT NULL DEFAULT false,
  attention_reason text,
  attention_since date,
  data_source text NOT NULL DEFAULT 'entered' CHECK (data_source IN ('entered', 'claimed', 'verified')),
  deregistered_on date,
  deregistration_reason text,
  next_visit_on date,
  last_verified_on date,
  version integer NOT NULL DEFAULT 1,
  created_by integer,
  updated_by integer,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX persons_id_number_idx ON persons (id_type, id_number) WHERE id_number IS NOT NULL;
CREATE INDEX persons_grid_idx ON persons (grid_id);
CREATE INDEX persons_household_idx ON persons (household_id);
CREATE INDEX persons_name_trgm_idx ON persons USING gin (name gin_trgm_ops);
CREATE INDEX persons_mobile_idx ON persons (mobile);
CREATE INDEX persons_name_birth_idx ON persons (name, birth_date);

CREATE TABLE houses (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  building_id integer NOT NULL REFERENCES buildings (id) ON DELETE CASCADE,
  unit_id integer REFERENCES units (id) ON DELETE CASCADE,
  floor integer,
  number text NOT NULL,
  use text NOT NULL DEFAULT 'self_occupied' CHECK (use IN ('self_occupied', 'rented', 'vacant', 'business')),
  area_square_metres real,
  owner_person_id integer REFERENCES persons (id),
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (building_id, unit_id, number)
);
CREATE INDEX houses_building_idx ON houses (building_id);

-- Tenancies of rental houses 出租房屋: landlord is the house owner, tenants listed here.
CREATE TABLE rental_tenancies (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  house_id integer NOT NULL REFERENCES houses (id) ON DELETE CASCADE,
  tenant_person_id integer NOT NULL REFERENCES persons (id),
  started_on date,
  ended_on date,
  purpose text
);
CREATE INDEX rental_tenancies_house_idx ON rental_tenancies (house_id);

CREATE TABLE households (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  house_id integer REFERENCES houses (id),
  grid_id integer NOT NULL REFERENCES grids (id),
  household_number text,
  head_person_id integer REFERENCES persons (id),
  kind text NOT NULL DEFAULT 'family',
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX households_grid_idx ON households (grid_id);
CREATE INDEX households_house_idx ON households (house_id);
ALTER TABLE persons ADD CONSTRAINT persons_household_fk FOREIGN KEY (household_id) REFERENCES households (id);

CREATE TABLE organizations (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  grid_id integer REFERENCES grids (id),
  name text NOT NULL,
  kind text NOT NULL,
  unified_social_credit_code text UNIQUE,
  legal_representative text,
  phone text,
  address text,
  location geometry(Point, 4326),
  data_source text NOT NULL DEFAULT 'entered',
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX organizations_grid_idx ON organizations (grid_id);
CREATE INDEX organizations_location_idx ON organizations USING gist (location);

-- Key places 重点场所 (markets, stations, schools' surroundings …).
CREATE TABLE places (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  grid_id integer REFERENCES grids (id),
  organization_id integer REFERENCES organizations (id),
  name text NOT NULL,
  kind text NOT NULL,
  attention_level smallint NOT NULL DEFAULT 1,
  location geometry(Point, 4326),
  address text,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX places_location_idx ON places USING gist (location);

-- Public facilities 部件; facility id = 6-digit county + 2-digit class + 2-digit subclass + 6-digit sequence.
CREATE TABLE facilities (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  facility_code text NOT NULL UNIQUE CHECK (facility_code ~ '^[0-9]{16}$'),
  category_code text NOT NULL,
  grid_id integer REFERENCES grids (id),
  owner_department_id integer,
  status text NOT NULL DEFAULT 'in_service',
  location geometry(Point, 4326) NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX facilities_location_idx ON facilities USING gist (location);

-- Special groups 特殊人群: the group decides which of `details` apply (validated in the domain package).
CREATE TABLE special_group_records (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  person_id integer NOT NULL REFERENCES persons (id),
  group_kind text NOT NULL CHECK (group_kind IN (
    'released_prisoner', 'community_correction', 'severe_mental_disorder', 'drug_user', 'hiv_risk', 'at_risk_youth')),
  risk_level smallint,
  guardian_person_id integer REFERENCES persons (id),
  details jsonb NOT NULL DEFAULT '{}',
  started_on date,
  ended_on date,
  next_visit_on date,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (person_id, group_kind)
);

CREATE TABLE care_group_records (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  person_id integer NOT NULL REFERENCES persons (id),
  group_kind text NOT NULL CHECK (group_kind IN (
    'elderly_alone', 'left_behind_child', 'disabled', 'low_income', 'other')),
  details jsonb NOT NULL DEFAULT '{}',
  next_visit_on date,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (person_id, group_kind)
);

-- Change history of register records ("活档案").
CREATE TABLE record_changes (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  record_table text NOT NULL,
  record_id integer NOT NULL,
  changed_by integer,
  changed_at timestamptz NOT NULL DEFAULT now(),
  change_source text NOT NULL DEFAULT 'console',
  before jsonb,
  after jsonb
);
CREATE INDEX record_changes_record_idx ON record_changes (record_table, record_id, changed_at);
