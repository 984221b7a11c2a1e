import {
  coversRegion, DIRECTIVE_KIND_LABELS, forbidden, gridStateOf, invalid, notFound, regionNotFound,
  type Actor, type DirectiveCompleteInput, type DirectiveDetail, type DirectiveGridCompletion, type DirectiveIssueInput,
  type DirectiveListQuery, type DirectiveSummary, type MyDirectiveTarget,
} from '@civicgrid/domain';
import type { Kysely } from 'kysely';
import type { DatabaseSchema } from '../database/schema.js';
import type { GridLookups } from '../grids/grid-access.js';
import type { DirectiveRepository, DirectiveRow, TargetRow } from './directive.repository.js';

const iso = (value: Date | null) => (value ? value.toISOString() : null);

export const directiveNotFound = (id: number) =>
  notFound('directive.not_found', `指令 ${id} 不存在或不在您的管辖范围内`, `Directive ${id} does not exist or is outside your jurisdiction`);
const notAGridWorker = () => forbidden('directive.not_a_grid_worker', '只有绑定了网格力量的网格员才能办理指令', 'Only a grid worker linked to a grid member can complete a directive');

function presentSummary(row: DirectiveRow, now = new Date()): DirectiveSummary {
  return {
    id: row.id, title: row.title, kind: row.kind, status: row.status, regionCode: row.regionCode, regionName: row.regionName,
    regionLevel: row.regionLevel, issuedByName: row.issuedByName, issuedAt: iso(row.issuedAt), dueAt: iso(row.dueAt),
    overdue: row.status === 'issued' && row.dueAt !== null && row.dueAt.getTime() < now.getTime(),
    progress: { grids: row.grids, completedGrids: row.completedGrids, unassignedGrids: row.unassignedGrids, targets: row.targets, completedTargets: row.completedTargets },
  };
}

/** The targets of each grid, folded into one row per grid with its state. */
function gridsOf(targets: TargetRow[], dueAt: Date | null): DirectiveGridCompletion[] {
  const byGrid = new Map<string, TargetRow[]>();
  for (const target of targets) byGrid.set(target.gridCode, [...(byGrid.get(target.gridCode) ?? []), target]);
  return [...byGrid.values()].map((rows) => {
    const assigned = rows.filter((row) => row.gridMemberId !== null);
    return {
      gridCode: rows[0]!.gridCode, gridName: rows[0]!.gridName, communityName: rows[0]!.communityName,
      state: gridStateOf(rows, dueAt), targets: assigned.length, completed: assigned.filter((row) => row.state === 'completed').length,
      workers: assigned.map((row) => ({ targetId: row.targetId, name: row.name, state: row.state, completedAt: iso(row.completedAt), note: row.note })),
    };
  });
}

/** 指令: a task sent to every full-time grid worker of an area, and its completion per grid. */
export class DirectiveService {
  constructor(
    private readonly db: Kysely<DatabaseSchema>,
    private readonly directives: DirectiveRepository,
    private readonly lookups: GridLookups,
  ) {}

  async issue(actor: Actor, input: DirectiveIssueInput): Promise<{ created: boolean; directive: DirectiveDetail }> {
    const region = await this.lookups.visibleRegion(actor, input.regionCode);
    if (!coversRegion(actor.jurisdiction, region.path)) throw regionNotFound(input.regionCode);
    if (input.dueAt.getTime() <= Date.now()) throw invalid('directive.due_in_past', '完成时限必须晚于现在', 'The due time must be in the future');
    const issuerPath = actor.jurisdiction.kind === 'region' ? actor.jurisdiction.regionPath : null;
    const saved = await this.db.transaction().execute(async (transaction) => {
      const centerId = issuerPath ? await this.directives.centerOfRegionPath(transaction, issuerPath) : null;
      const directive = await this.directives.insert(transaction, {
        title: input.title, content: input.content, kind: input.kind, regionId: region.id, centerId,
        issuedByUserId: actor.kind === 'user' ? actor.userId : null, dueAt: input.dueAt, clientId: input.clientId ?? null,
      });
      if (!directive.created) return directive;
      const targets = await this.directives.insertTargets(transaction, directive.id, region.path);
      if (targets === 0) throw invalid('directive.no_grids', `${region.name}下没有网格，无法下发指令`, `${region.name} has no grids to send a directive to`);
      const due = input.dueAt.toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false });
      await this.directives.notifyTargets(transaction, directive.id, `新指令：${input.title}`, `${DIRECTIVE_KIND_LABELS[input.kind]}，请于 ${due} 前完成。`);
      return directive;
    });
    return { created: saved.created, directive: await this.detail(actor, saved.id) };
  }

  async list(actor: Actor, query: DirectiveListQuery): Promise<{ items: DirectiveSummary[]; total: number }> {
    const { items, total } = await this.directives.list(this.db, actor.jurisdiction, query);
    return { items: items.map((row) => presentSummary(row)), total };
  }

  async detail(actor: Actor, id: number): Promise<DirectiveDetail> {
    const row = await this.directives.find(this.db, id, actor.jurisdiction);
    if (!row) throw directiveNotFound(id);
    const targets = await this.directives.targets(this.db, id, actor.jurisdiction);
    return { ...presentSummary(row), content: row.content, grids: gridsOf(targets, row.dueAt) };
  }

  /** The grids as GeoJSON features carrying their completion state, for the map. */
  async completionGeoJson(actor: Actor, id: number) {
    const detail = await this.detail(actor, id);
    const geometries = new Map((await this.directives.gridGeometries(this.db, id, actor.jurisdiction)).map((row) => [row.code, row.geometry]));
    return {
      type: 'FeatureCollection' as const,
      features: detail.grids.map((grid) => ({
        type: 'Feature' as const,
        geometry: geometries.get(grid.gridCode) ?? null,
        properties: { code: grid.gridCode, name: grid.gridName, communityName: grid.communityName, state: grid.state, targets: grid.targets, completed: grid.completed },
      })),
    };
  }

  async mine(actor: Actor): Promise<MyDirectiveTarget[]> {
    const gridMemberId = await this.gridMemberOf(actor);
    const rows = await this.directives.mine(this.db, gridMemberId);
    return rows.map((row) => ({
      ...row, issuedAt: iso(row.issuedAt as Date | null), dueAt: iso(row.dueAt as Date | null), completedAt: iso(row.completedAt as Date | null),
    })) as MyDirectiveTarget[];
  }

  /** A grid worker reports their part done; sending it again changes nothing. */
  async complete(actor: Actor, directiveId: number, targetId: number, input: DirectiveCompleteInput): Promise<MyDirectiveTarget> {
    const gridMemberId = await this.gridMemberOf(actor);
    await this.db.transaction().execute(async (transaction) => {
      const target = await this.directives.targetOf(transaction, directiveId, targetId, gridMemberId);
      if (!target) throw notFound('directive.target_not_found', '该指令任务不存在或不是派给您的', 'No such task of this directive is yours');
      if (target.state === 'completed') return;
      if (target.directiveStatus !== 'issued') throw invalid('directive.not_open', '该指令已结束，不能再办理', 'This directive has ended');
      await this.directives.complete(transaction, { directiveId, targetId, gridMemberId, note: input.note ?? null, clientId: input.clientId ?? null });
      await this.directives.completeIfDone(transaction, directiveId);
    });
    const mine = await this.mine(actor);
    return mine.find((target) => target.targetId === targetId)!;
  }

  private async gridMemberOf(actor: Actor): Promise<number> {
    if (actor.kind !== 'user' || actor.jurisdiction.kind !== 'grids') throw notAGridWorker();
    const gridMemberId = await this.directives.gridMemberOfUser(this.db, actor.userId);
    if (gridMemberId === null) throw notAGridWorker();
    return gridMemberId;
  }
}
