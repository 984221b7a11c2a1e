import type { RawBuilder } from 'kysely';
import type { Actor, RecordField } from '@civicgrid/domain';
import type { DatabaseExecutor } from '../../database/schema.js';

/**
 * A register whose records are rows of one table, placed in a grid, with a field table (organizations, key
 * places, public facilities). The generic repository, service and routes work from this definition; what is
 * particular to a register (a reference, a derived column, a unique code, its search) is declared here.
 */
export interface RecordRegister {
  name: 'organization' | 'place' | 'facility';
  table: 'organizations' | 'places' | 'facilities';
  path: string;
  tag: string;
  label: { zh: string; en: string };
  fields: readonly RecordField[];
  /** values stored when a field is left empty */
  defaults: Record<string, unknown>;
  /** fields read by their own SQL over the row `r` (references named by a code) */
  computed?: Record<string, RawBuilder<unknown>>;
  /** columns shown with a record besides its fields (labels, derived codes), over `r` */
  extras?: RawBuilder<unknown>;
  /** columns written besides the fields': derived ones, references resolved (may refuse with field errors) */
  extraColumns?: (context: { executor: DatabaseExecutor; actor: Actor; values: Record<string, unknown> }) => Promise<Record<string, unknown>>;
  /** a field no two records may share */
  unique?: { key: string; column: string; code: string; zh: (value: string) => string; en: (value: string) => string };
  /** the list's `q`, over `r` */
  search: (q: string) => RawBuilder<unknown>;
}

export const snake = (key: string) => key.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);

/** Field keys kept in a column of the same name (snake case); the grid, the location and computed fields are not. */
export function columnFields(register: RecordRegister): { key: string; column: string }[] {
  return register.fields
    .filter((field) => !['gridCode', 'lon', 'lat'].includes(field.key) && !(register.computed && field.key in register.computed))
    .map((field) => ({ key: field.key, column: snake(field.key) }));
}
