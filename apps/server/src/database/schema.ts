import type { ColumnType, Generated, Kysely, Transaction } from 'kysely';

/** Geometry columns are read and written only through PostGIS functions in `sql` templates. */
type Geometry = ColumnType<unknown, never, never>;
type CreatedAt = ColumnType<Date, never, never>;
type UpdatedAt = ColumnType<Date, Date | undefined, Date>;
type DateText = string;

export interface RegionTable {
  id: Generated<number>;
  code: string;
  name: string;
  level: 'city' | 'district' | 'street' | 'community';
  parent_id: number | null;
  path: string;
  urban_rural_class: string | null;
  boundary: Geometry;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface GridTable {
  id: Generated<number>;
  code: string;
  name: string;
  community_id: number;
  parent_grid_id: number | null;
  path: string;
  household_target: number;
  contact_channel: string | null;
  boundary: Geometry;
  version: Generated<number>;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface GridMemberTable {
  id: Generated<number>;
  name: string;
  phone: string | null;
  id_number: string | null;
  gender: 'male' | 'female' | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface GridMemberAssignmentTable {
  id: Generated<number>;
  grid_member_id: number;
  grid_id: number;
  role: string;
  started_on: ColumnType<DateText, DateText | undefined, DateText>;
  ended_on: DateText | null;
}

export interface BuildingTable {
  id: Generated<number>;
  grid_id: number;
  name: string;
  address: string | null;
  building_type: string | null;
  floors: number | null;
  location: Geometry;
  version: Generated<number>;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface UnitTable {
  id: Generated<number>;
  building_id: number;
  name: string;
}

export interface HouseTable {
  id: Generated<number>;
  building_id: number;
  unit_id: number | null;
  floor: number | null;
  number: string;
  use: 'self_occupied' | 'rented' | 'vacant' | 'business';
  area_square_metres: number | null;
  owner_person_id: number | null;
  version: Generated<number>;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface HouseholdTable {
  id: Generated<number>;
  house_id: number | null;
  grid_id: number;
  household_number: string | null;
  head_person_id: number | null;
  kind: Generated<string>;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface PersonTable {
  id: Generated<number>;
  grid_id: number | null;
  name: string;
  gender: 'male' | 'female' | null;
  id_number: string | null;
  birth_date: DateText | null;
  residency: 'registered' | 'floating' | 'foreign';
  mobile: string | null;
  household_id: number | null;
  relation_to_head: string | null;
  current_address: string | null;
  data_source: Generated<'entered' | 'claimed' | 'verified'>;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface DepartmentTable {
  id: Generated<number>;
  region_id: number;
  parent_department_id: number | null;
  code: string | null;
  name: string;
  level: 'city' | 'district' | 'street' | 'community';
  phone: string | null;
  disabled: Generated<boolean>;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface UserTable {
  id: Generated<number>;
  username: string;
  password_hash: string;
  display_name: string;
  phone: string | null;
  role: string;
  region_id: number | null;
  department_id: number | null;
  grid_member_id: number | null;
  locale: Generated<string>;
  disabled: Generated<boolean>;
  failed_login_count: Generated<number>;
  locked_until: Date | null;
  password_changed_at: Date | null;
  must_change_password: Generated<boolean>;
  last_login_at: Date | null;
  version: Generated<number>;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface UserGridTable {
  user_id: number;
  grid_id: number;
}

export interface SessionTable {
  id: Generated<number>;
  token_hash: string;
  user_id: number;
  csrf_token_hash: string;
  expires_at: Date;
  revoked_at: Date | null;
  ip: string | null;
  user_agent: string | null;
  last_seen_at: Generated<Date>;
  created_at: CreatedAt;
}

export interface ApiTokenTable {
  id: Generated<number>;
  token_hash: string;
  token_prefix: string | null;
  name: string;
  region_id: number | null;
  permissions: string[];
  created_by_user_id: number | null;
  expires_at: Date | null;
  revoked_at: Date | null;
  last_used_at: Date | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface LoginAttemptTable {
  id: Generated<number>;
  username: string;
  user_id: number | null;
  ip: string | null;
  user_agent: string | null;
  succeeded: boolean;
  failure_reason: string | null;
  at: Generated<Date>;
}

export interface AuditLogTable {
  id: Generated<number>;
  at: Generated<Date>;
  actor_user_id: number | null;
  actor_api_token_id: number | null;
  actor_resident_id: number | null;
  ip: string | null;
  action: string;
  target_table: string | null;
  target_id: number | null;
  reason: string | null;
  details: ColumnType<unknown, string, never>;
}

export interface DatabaseSchema {
  departments: DepartmentTable;
  users: UserTable;
  user_grids: UserGridTable;
  sessions: SessionTable;
  api_tokens: ApiTokenTable;
  login_attempts: LoginAttemptTable;
  audit_log: AuditLogTable;
  regions: RegionTable;
  grids: GridTable;
  grid_members: GridMemberTable;
  grid_member_assignments: GridMemberAssignmentTable;
  buildings: BuildingTable;
  units: UnitTable;
  houses: HouseTable;
  households: HouseholdTable;
  persons: PersonTable;
}

/** Where a repository method runs its SQL: the database, or the transaction a service opened. */
export type DatabaseExecutor = Kysely<DatabaseSchema> | Transaction<DatabaseSchema>;
