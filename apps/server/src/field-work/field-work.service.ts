import {
  applicableCorrectableFields, FIELD_SEARCH_LIMIT, incidentListQuerySchema, personListQuerySchema, VISIT_CORRECTABLE_PERSON_FIELDS,
  visibleRegisterValue, type Actor, type FieldGridView, type FieldPageQuery, type FieldSearchResult, type FieldTasksView, type RecordPage,
  type VisitDueView,
} from '@civicgrid/domain';
import type { Kysely } from 'kysely';
import type { AllClearRepository } from '../all-clears/all-clear.repository.js';
import { chinaToday } from '../all-clears/all-clear.service.js';
import type { DatabaseSchema } from '../database/schema.js';
import type { IncidentService } from '../incidents/incident.service.js';
import type { PersonSearchService } from '../registers/persons/person-search.service.js';
import type { FieldWorkRepository } from './field-work.repository.js';
import type { FieldWorker, FieldWorkerLookup } from './field-worker.js';

const HOUR_MS = 3_600_000;

/** The instants a day in China (UTC+8) runs between. */
function chinaDayBounds(day: string): { from: Date; to: Date } {
  const from = new Date(Date.parse(`${day}T00:00:00Z`) - 8 * HOUR_MS);
  return { from, to: new Date(from.getTime() + 24 * HOUR_MS) };
}

/** The correctable values of a record as a worker may see them (phones masked). */
function visibleValues(fields: ReturnType<typeof applicableCorrectableFields>, record: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(fields.map((field) => [field.key, visibleRegisterValue(field, record[field.key])]));
}

/** A grid worker's home screen: what waits for them, their grids, the visits due, and finding whom to visit. */
export class FieldWorkService {
  constructor(
    private readonly db: Kysely<DatabaseSchema>,
    private readonly fieldWork: FieldWorkRepository,
    private readonly workers: FieldWorkerLookup,
    private readonly allClears: AllClearRepository,
    private readonly incidentService: IncidentService,
    private readonly personSearchService: PersonSearchService,
  ) {}

  async tasks(actor: Actor): Promise<FieldTasksView> {
    const worker = await this.workers.of(actor);
    // the incident list's own verification queue, so that the count is what the list then shows
    const verification = await this.incidentService.list(actor, incidentListQuerySchema.parse({ queue: 'verification', pageSize: 1 }));
    const [directives, due, grids] = await Promise.all([
      this.fieldWork.openDirectiveTargets(this.db, worker.gridMemberId),
      this.fieldWork.visitsDue(this.db, worker.jurisdiction, chinaToday(), { limit: 1, offset: 0 }),
      this.reportedToday(worker),
    ]);
    return {
      verifications: verification.total,
      visitsDue: due.total,
      directives,
      allClearsMissing: [...grids.values()].filter((reported) => !reported).length,
    };
  }

  async grids(actor: Actor): Promise<FieldGridView[]> {
    const worker = await this.workers.of(actor);
    const [rows, reported] = await Promise.all([this.fieldWork.grids(this.db, worker.jurisdiction.gridIds), this.reportedToday(worker)]);
    return rows.map((row) => ({ ...row, reportedToday: reported.get(row.code) ?? false }));
  }

  async visitsDue(actor: Actor, query: FieldPageQuery): Promise<RecordPage<VisitDueView>> {
    const worker = await this.workers.of(actor);
    return this.fieldWork.visitsDue(this.db, worker.jurisdiction, chinaToday(), { limit: query.pageSize, offset: (query.page - 1) * query.pageSize });
  }

  /**
   * Persons (by the person register's own search: name, ID number or phone tail, phone, address) and houses (by
   * building, number or address) in the worker's grids, each with the values a visit may correct. Persons come
   * first; houses keep at least half the places when both fill them.
   */
  async search(actor: Actor, text: string): Promise<FieldSearchResult[]> {
    const worker = await this.workers.of(actor);
    const [persons, houses] = await Promise.all([
      this.personSearchService.list(actor, personListQuerySchema.parse({ q: text, pageSize: FIELD_SEARCH_LIMIT })),
      this.fieldWork.searchHouses(this.db, worker.jurisdiction, text, FIELD_SEARCH_LIMIT),
    ]);
    const houseCount = Math.min(houses.length, Math.max(FIELD_SEARCH_LIMIT - persons.items.length, FIELD_SEARCH_LIMIT / 2));
    const shownPersons = persons.items.slice(0, FIELD_SEARCH_LIMIT - houseCount);
    const values = new Map((await this.fieldWork.personValues(
      this.db, shownPersons.map((person) => person.id), VISIT_CORRECTABLE_PERSON_FIELDS.map((field) => field.key), worker.jurisdiction,
    )).map((row) => [row.id, row]));
    const personResults = shownPersons.flatMap((person): FieldSearchResult[] => {
      const row = values.get(person.id);
      if (!row) return [];
      return [{
        kind: 'person', id: person.id, label: person.name, address: person.currentAddress, gridCode: row.gridCode, version: row.version,
        values: visibleValues(applicableCorrectableFields('person', row), row),
      }];
    });
    const houseResults = houses.slice(0, houseCount).map((house): FieldSearchResult => ({
      kind: 'house', id: house.id, label: house.label, address: house.address, gridCode: house.gridCode, version: house.version,
      values: visibleValues(applicableCorrectableFields('house', house), house),
    }));
    return [...personResults, ...houseResults];
  }

  /**
   * Each of the worker's grids (by code): whether today's all-clear was sent (the all-clear register's own notion)
   * or an incident was reported in it today, which stands for one.
   */
  private async reportedToday(worker: FieldWorker): Promise<Map<string, boolean>> {
    const day = chinaToday();
    const { from, to } = chinaDayBounds(day);
    const [states, reports] = await Promise.all([
      this.allClears.mine(this.db, worker.userId, worker.gridMemberId, day),
      this.fieldWork.gridsReportedIn(this.db, worker.userId, worker.jurisdiction.gridIds, from, to),
    ]);
    return new Map(states.map((state) => [state.gridCode, state.reportedAt !== null || reports.has(state.gridCode)]));
  }
}
