import {
  classifyPersonQuery, forbidden, otherFormOfIdNumber, type Actor, type Jurisdiction, type PersonDuplicateGroup, type PersonListItem, type PersonListQuery, type RecordPage,
} from '@civicgrid/domain';
import type { GridLookups } from '../../grids/grid-access.js';
import { maySeeSpecialGroups, presentPersonListItem } from './person.presenter.js';
import { isNarrow, type PersonFilter, type PersonListRow, type PersonSearchRepository } from './person-search.repository.js';

function duplicateReason(rows: PersonListRow[]): PersonDuplicateGroup['reason'] {
  const numbers = new Set(rows.map((row) => row.idNumber).filter((number): number is string => number !== null));
  if ([...numbers].some((number) => numbers.has(otherFormOfIdNumber(number) ?? ''))) return 'legacy_id_matches';
  return rows.some((row) => row.idNumber === null) ? 'missing_id' : 'different_ids';
}

const REASON_ORDER: PersonDuplicateGroup['reason'][] = ['legacy_id_matches', 'missing_id', 'different_ids'];

const LARGE_COUNT = 100_000;
const COUNT_SECONDS = 60;

/** Person lists, searches and likely duplicates, inside the reader's jurisdiction. */
export class PersonSearchService {
  private readonly counts = new Map<string, { total: number; until: number }>();

  constructor(
    private readonly search: PersonSearchRepository,
    private readonly lookups: GridLookups,
  ) {}

  async list(actor: Actor, query: PersonListQuery): Promise<RecordPage<PersonListItem>> {
    if (query.specialGroup && !maySeeSpecialGroups(actor)) {
      throw forbidden('person.special_groups_hidden', '您的角色不能按特殊人群筛选', 'Your role may not filter by special group');
    }
    const filter: PersonFilter = {
      query: query.q === undefined ? undefined : classifyPersonQuery(query.q),
      residency: query.residency, leftBehind: query.leftBehind, attentionLevel: query.attentionLevel, underAttention: query.underAttention,
      specialGroup: query.specialGroup, careGroup: query.careGroup, deregistered: query.deregistered,
      regionPath: query.regionCode === undefined ? undefined : (await this.lookups.visibleRegion(actor, query.regionCode)).path,
      gridId: query.gridCode === undefined ? undefined : (await this.lookups.visibleGrid(actor, query.gridCode)).id,
    };
    const page = { limit: query.pageSize, offset: (query.page - 1) * query.pageSize };
    if (isNarrow(filter)) {
      const { rows, total } = await this.search.searchNarrow(filter, actor.jurisdiction, page, maySeeSpecialGroups(actor));
      return { items: rows.map(presentPersonListItem), total };
    }
    const [rows, total] = await Promise.all([
      this.search.listWide(filter, actor.jurisdiction, page, maySeeSpecialGroups(actor)),
      this.wideCount(filter, actor.jurisdiction),
    ]);
    return { items: rows.map(presentPersonListItem), total };
  }

  /**
   * A district's or a city's register takes a second to count, and paging through it should not count it
   * again: counts over LARGE_COUNT are reused for COUNT_SECONDS (a new entry shows in the total after that).
   */
  private async wideCount(filter: PersonFilter, jurisdiction: Jurisdiction): Promise<number> {
    const key = JSON.stringify([jurisdiction, filter]);
    const cached = this.counts.get(key);
    if (cached && cached.until > Date.now()) return cached.total;
    const total = await this.search.count(filter, jurisdiction);
    if (total >= LARGE_COUNT) {
      if (this.counts.size >= 1000) this.counts.clear();
      this.counts.set(key, { total, until: Date.now() + COUNT_SECONDS * 1000 });
    }
    return total;
  }

  /** Groups of persons with one name and birth date: most likely the same person first. */
  async duplicates(actor: Actor, query: { regionCode?: string | undefined; limit: number }): Promise<PersonDuplicateGroup[]> {
    const regionPath = query.regionCode === undefined ? undefined : (await this.lookups.visibleRegion(actor, query.regionCode)).path;
    const rows = await this.search.duplicates(actor.jurisdiction, regionPath, query.limit, maySeeSpecialGroups(actor));
    const groups = new Map<string, PersonListRow[]>();
    for (const row of rows) {
      const key = `${row.name}|${row.birthDate}`;
      groups.set(key, [...(groups.get(key) ?? []), row]);
    }
    return [...groups.entries()]
      .filter(([, members]) => members.length > 1)
      .map(([key, members]) => ({
        key, name: members[0]!.name, birthDate: members[0]!.birthDate!, reason: duplicateReason(members), persons: members.map(presentPersonListItem),
      }))
      .sort((left, right) => REASON_ORDER.indexOf(left.reason) - REASON_ORDER.indexOf(right.reason));
  }
}
