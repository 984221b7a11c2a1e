import {
  can, changedFields, conflict, coversGrid, createdFields, notFound, parseRecordValues, type Actor, type RecordChangeView, type RecordListQuery,
  type RecordPage, type RecordView,
} from '@civicgrid/domain';
import type { Kysely } from 'kysely';
import type { DatabaseExecutor, DatabaseSchema } from '../../database/schema.js';
import type { GridLookups } from '../../grids/grid-access.js';
import type { RecordChangeRepository } from '../record-change.repository.js';
import { presentHistory } from '../record-history.js';
import type { RecordPlacement } from '../record-placement.js';
import { actorUserId, invalidValues, versionConflict } from '../register-errors.js';
import { columnFields, type RecordRegister } from './record-register.js';
import type { RecordRepository, RecordRow } from './record.repository.js';

function presentRecord(actor: Actor, row: RecordRow): RecordView {
  return {
    ...row.values, ...row.extras, id: row.id, version: row.version, gridCode: (row.values.gridCode as string | null) ?? null, gridName: row.gridName,
    createdAt: row.createdAt.toISOString(), updatedAt: row.updatedAt.toISOString(),
    actions: can(actor, 'base_data.manage') ? (row.values.deregisteredOn === null ? ['edit', 'deregister'] : ['edit']) : [],
  };
}

/**
 * One register of records in grids (organizations, places, facilities): values through the register's field
 * table, placed by grid code or location inside the jurisdiction, a unique code checked, every write with its
 * change history in the same transaction, changes guarded by the version the editor saw.
 */
export class RecordService {
  private readonly what: { code: string; zh: string; en: string };

  constructor(
    private readonly db: Kysely<DatabaseSchema>,
    readonly register: RecordRegister,
    private readonly records: RecordRepository,
    private readonly changes: RecordChangeRepository,
    private readonly placement: RecordPlacement,
    private readonly lookups: GridLookups,
  ) {
    this.what = { code: `${register.name}.invalid`, zh: `${register.label.zh}信息`, en: register.label.en };
  }

  async list(actor: Actor, query: RecordListQuery): Promise<RecordPage<RecordView>> {
    const filter = {
      q: query.q, kind: query.kind, attentionLevel: query.attentionLevel, deregistered: query.deregistered,
      gridId: query.gridCode === undefined ? undefined : (await this.lookups.visibleGrid(actor, query.gridCode)).id,
      regionPath: query.regionCode === undefined ? undefined : (await this.lookups.visibleRegion(actor, query.regionCode)).path,
    };
    const page = { limit: query.pageSize, offset: (query.page - 1) * query.pageSize };
    const [rows, total] = await Promise.all([this.records.list(this.register, filter, actor.jurisdiction, page), this.records.count(this.register, filter, actor.jurisdiction)]);
    return { items: rows.map((row) => presentRecord(actor, row)), total };
  }

  get(actor: Actor, id: number): Promise<RecordView> {
    return this.detail(this.db, actor, id);
  }

  async create(actor: Actor, input: Record<string, unknown>): Promise<RecordView> {
    const values = this.parse(input);
    const grid = await this.placement.gridFor(actor, values, this.what);
    values.gridCode = grid.code;
    const userId = actorUserId(actor);
    return this.db.transaction().execute(async (transaction) => {
      await this.ensureUnique(transaction, actor, values, null);
      const id = await this.records.insert(transaction, this.register, {
        ...(await this.columns(transaction, actor, values, Object.keys(values))), grid_id: grid.id, created_by: userId, updated_by: userId,
      });
      await this.changes.insert(transaction, { table: this.register.table, recordId: id, changedBy: userId, before: null, after: createdFields(values) });
      return this.detail(transaction, actor, id);
    });
  }

  async update(actor: Actor, id: number, input: Record<string, unknown> & { version: number }): Promise<RecordView> {
    const { version, ...patch } = input;
    const current = await this.records.findById(this.db, this.register, id, actor.jurisdiction);
    if (!current) throw this.notFound(id);
    if (current.version !== version) throw versionConflict(`${this.register.name}.version_conflict`, current.version);
    const values = this.parse({ ...current.values, ...patch });
    // a record moved without a new grid code is placed by its new location
    const moved = ('lon' in patch || 'lat' in patch) && !('gridCode' in patch) && typeof values.lon === 'number';
    const grid = await this.placement.gridFor(actor, moved ? { lon: values.lon, lat: values.lat } : values, this.what);
    values.gridCode = grid.code;
    const userId = actorUserId(actor);
    return this.db.transaction().execute(async (transaction) => {
      const locked = await this.records.findById(transaction, this.register, id, actor.jurisdiction, { lock: true });
      if (!locked) throw this.notFound(id);
      if (locked.version !== version) throw versionConflict(`${this.register.name}.version_conflict`, locked.version);
      const diff = changedFields(locked.values, values);
      if (!diff) return this.detail(transaction, actor, id);
      await this.ensureUnique(transaction, actor, values, id);
      const columns = await this.columns(transaction, actor, values, Object.keys(diff.after));
      if ('gridCode' in diff.after) columns.grid_id = grid.id;
      if (!(await this.records.update(transaction, this.register, id, version, { ...columns, updated_by: userId }))) {
        throw versionConflict(`${this.register.name}.version_conflict`, version + 1);
      }
      await this.changes.insert(transaction, { table: this.register.table, recordId: id, changedBy: userId, ...diff });
      return this.detail(transaction, actor, id);
    });
  }

  async history(actor: Actor, id: number, limit: number): Promise<RecordChangeView[]> {
    if (!(await this.records.findById(this.db, this.register, id, actor.jurisdiction))) throw this.notFound(id);
    const headers = new Map(this.register.fields.map((field) => [field.key, field.header]));
    return presentHistory(await this.changes.listFor(this.db, this.register.table, id, limit), (field) => headers.get(field) ?? field, undefined, [...headers.keys()]);
  }

  private async detail(executor: DatabaseExecutor, actor: Actor, id: number): Promise<RecordView> {
    const row = await this.records.findById(executor, this.register, id, actor.jurisdiction);
    if (!row) throw this.notFound(id);
    return presentRecord(actor, row);
  }

  private parse(input: Record<string, unknown>): Record<string, unknown> {
    const parsed = parseRecordValues(this.register.fields, input);
    if ('errors' in parsed) throw invalidValues(this.what.code, this.what, parsed.errors);
    const values = parsed.values;
    for (const [key, value] of Object.entries(this.register.defaults)) values[key] ??= value;
    return values;
  }

  /** Columns of the changed keys: each field's own column, the location as a point, plus the register's derived ones. */
  private async columns(executor: DatabaseExecutor, actor: Actor, values: Record<string, unknown>, keys: string[]): Promise<Record<string, unknown>> {
    const changed = new Set(keys);
    const columns: Record<string, unknown> = Object.fromEntries(columnFields(this.register).filter(({ key }) => changed.has(key)).map(({ key, column }) => [column, values[key]]));
    if (changed.has('lon') || changed.has('lat')) {
      columns.location = { point: typeof values.lon === 'number' && typeof values.lat === 'number' ? { lon: values.lon, lat: values.lat } : null };
    }
    return { ...columns, ...(this.register.extraColumns ? await this.register.extraColumns({ executor, actor, values }) : {}) };
  }

  private async ensureUnique(executor: DatabaseExecutor, actor: Actor, values: Record<string, unknown>, exceptId: number | null): Promise<void> {
    const unique = this.register.unique;
    const value = unique && values[unique.key];
    if (!unique || value === null || value === undefined) return;
    const holder = await this.records.holderOf(executor, this.register, unique.column, value, exceptId);
    if (!holder) return;
    const visible = holder.gridPath === null ? actor.jurisdiction.kind === 'everywhere' : coversGrid(actor.jurisdiction, holder.gridPath);
    throw conflict(unique.code, unique.zh(String(value)), unique.en(String(value)), visible ? { [`${this.register.name}Id`]: holder.id } : undefined);
  }

  private notFound(id: number) {
    return notFound(`${this.register.name}.not_found`, `${this.register.label.zh} ${id} 不存在`, `${this.register.label.en} ${id} does not exist`);
  }
}
