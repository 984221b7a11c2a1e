import { SeededRandom, type Actor, type IncidentActionInput, type IncidentStatus } from '@civicgrid/domain';
import { sql } from 'kysely';
import sharp from 'sharp';
import { actorOfUser } from '../auth/auth.service.js';
import type { Database } from '../database/database.js';
import type { Services } from '../http/services.js';
import { UserRepository } from '../users/user.repository.js';

const DESCRIPTIONS: Record<string, string[]> = {
  SJ0102: ['小区门口暴露垃圾，气味较大', '公交站旁有生活垃圾堆放'],
  SJ0104: ['人行道上泥土较多，行人反映路面不洁'],
  SJ0505: ['机动车占用消防通道停放', '路口机动车乱停放影响通行'],
  BJ0101: ['上水井盖松动，车辆经过有响声'],
  BJ0118: ['路灯夜间不亮，行人出行不便'],
  ZZ0102: ['邻里因楼道堆物发生争执，需调解'],
};

/** How far each demo incident gets along the loop, so that every queue of the console has work in it. */
const TARGETS: IncidentStatus[] = [
  'reported', 'reported', 'reported', 'reported', 'reported', 'registered', 'registered', 'registered',
  'dispatched', 'dispatched', 'dispatched', 'handling', 'handling', 'handling', 'handled', 'handled',
  'verified', 'verified', 'closed', 'closed', 'closed', 'closed', 'returned', 'suspended',
];

/**
 * A few dozen incidents on the demo city, taken along the workflow by the demo accounts through the real
 * services, so that the console opens on inboxes with work in every state. Only when there are none yet.
 */
export async function seedDemoIncidentsIfNone(database: Database, services: Services, log: (message: string) => void): Promise<void> {
  const { db } = database;
  const existing = await sql<{ count: number }>`SELECT count(*)::int AS count FROM incidents`.execute(db);
  if (existing.rows[0]!.count > 0) return;
  const users = new UserRepository(db);
  const actor = async (username: string): Promise<Actor | undefined> => {
    const user = await users.findByUsername(username);
    return user && actorOfUser(user, null);
  };
  const [worker, operator, handler] = [await actor('grid.worker'), await actor('street.operator'), await actor('department.handler')];
  if (!worker || !operator || !handler || handler.jurisdiction.kind !== 'department') return;
  await sql`
    UPDATE incident_categories c SET default_department_id = d.id FROM departments d
    WHERE c.parent_id IS NOT NULL AND c.default_department_id IS NULL
      AND d.name = CASE WHEN c.code LIKE 'SJ03%' OR c.code LIKE 'BJ05%' THEN '张店区住房和城乡建设局'
                        WHEN c.code LIKE 'ZZ02%' THEN '淄博市公安局张店分局'
                        WHEN c.code LIKE 'ZZ%' THEN NULL
                        ELSE '张店区综合行政执法局' END`.execute(db);
  const grid = await sql<{ west: number; east: number; south: number; north: number }>`
    SELECT ST_XMin(boundary) AS west, ST_XMax(boundary) AS east, ST_YMin(boundary) AS south, ST_YMax(boundary) AS north
    FROM grids WHERE code = '370303001001001'`.execute(db);
  const box = grid.rows[0];
  if (!box) return;
  const categories = await sql<{ id: number; code: string }>`
    SELECT id, code FROM incident_categories WHERE code = ANY(${Object.keys(DESCRIPTIONS)}::text[])`.execute(db);
  const random = new SeededRandom(20261123);
  const photo = await sharp({ create: { width: 640, height: 480, channels: 3, background: { r: 96, g: 140, b: 110 } } }).jpeg().toBuffer();
  const departmentId = handler.jurisdiction.departmentId;
  const act = (as: Actor, id: number, input: IncidentActionInput) => services.incidentWorkflowService.apply(as, id, input);

  for (const [index, target] of TARGETS.entries()) {
    const category = categories.rows[index % categories.rows.length]!;
    const texts = DESCRIPTIONS[category.code]!;
    const lon = box.west + (box.east - box.west) * (0.1 + 0.8 * random.next());
    const lat = box.south + (box.north - box.south) * (0.1 + 0.8 * random.next());
    const { id } = await services.incidentIntakeService.report(index % 3 === 2 ? operator : worker, {
      clientId: `demo-incident-${index}`, categoryId: category.id, description: texts[index % texts.length]!, lon, lat,
      ...(index % 3 === 2 ? { source: 'resident' as const, reporterName: '张女士', reporterPhone: '13905331234' } : {}),
    });
    if (target === 'reported') continue;
    await act(operator, id, { action: 'register' });
    if (target === 'registered') continue;
    await act(operator, id, { action: 'dispatch', leadDepartmentId: departmentId, assistingDepartmentIds: [] });
    if (target === 'dispatched') continue;
    if (target === 'returned') {
      await act(handler, id, { action: 'return', note: '该事项不属于本部门职责，请重新派遣' });
      continue;
    }
    await act(handler, id, { action: 'accept' });
    if (target === 'suspended') {
      await act(operator, id, { action: 'suspend', note: '等待产权单位确认' });
      continue;
    }
    if (target === 'handling') continue;
    const { attachment } = await services.attachmentService.upload({ incidentId: id, kind: 'after', uploadedByUserId: null, bytes: photo, originalName: 'demo.jpg' });
    await act(handler, id, { action: 'handle', note: '已按要求处置完毕', attachmentIds: [attachment.id] });
    if (target === 'handled') continue;
    await act(worker, id, { action: 'verify', note: '现场核查，已整改到位' });
    if (target === 'verified') continue;
    await act(operator, id, { action: 'close' });
    if (index % 2 === 0) await act(operator, id, { action: 'follow_up', satisfaction: 'satisfied', method: 'phone' });
  }
  log(`demo incidents ready: ${TARGETS.length} across every state of the loop`);
}
