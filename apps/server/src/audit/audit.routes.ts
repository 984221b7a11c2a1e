import { Readable } from 'node:stream';
import { auditQuerySchema } from '@civicgrid/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf } from '../http/request-actor.js';
import type { Services } from '../http/services.js';
import type { AuditEntryView } from '@civicgrid/domain';
import type { AuditRow } from './audit.repository.js';

function presentAuditEntry(row: AuditRow): AuditEntryView {
  const { actorUserId, actorApiTokenId, ...view } = row;
  return { ...view, at: row.at.toISOString() };
}

const read = { access: { permission: 'audit.read' as const } };

const CSV_COLUMNS: [string, (row: AuditRow) => unknown][] = [
  ['编号 id', (row) => row.id],
  ['时间 at', (row) => row.at.toISOString()],
  ['用户 user', (row) => row.actorUsername ?? ''],
  ['姓名 name', (row) => row.actorDisplayName ?? ''],
  ['令牌 token', (row) => row.actorApiTokenName ?? ''],
  ['地址 ip', (row) => row.ip ?? ''],
  ['操作 action', (row) => row.action],
  ['对象 target', (row) => (row.targetTable ? `${row.targetTable}/${row.targetId ?? ''}` : '')],
  ['理由 reason', (row) => row.reason ?? ''],
  ['详情 details', (row) => JSON.stringify(row.details)],
];

function csvField(value: unknown): string {
  const text = String(value);
  // A leading = + - @ would make a spreadsheet run the cell as a formula.
  const safe = /^[=+\-@]/.test(text) ? `'${text}` : text;
  return /[",\n\r]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

export const auditRoutes = (services: Services): FastifyPluginAsyncZod => async (app) => {
  const { audit } = services;

  app.get('/api/audit-log', {
    config: read,
    schema: { tags: ['access'], summary: '审计日志 Search the audit log (newest first; page with beforeId)', querystring: auditQuerySchema },
  }, async (request) => {
    const { limit, beforeId, ...filter } = request.query;
    return (await audit.search(actorOf(request).jurisdiction, filter, limit, beforeId)).map(presentAuditEntry);
  });

  app.get('/api/audit-log.csv', {
    config: read,
    schema: { tags: ['access'], summary: '导出审计日志 Export the audit log as CSV (UTF-8 with BOM), page by page', querystring: auditQuerySchema.omit({ limit: true }) },
  }, async (request, reply) => {
    const { beforeId: firstBeforeId, ...filter } = request.query;
    const jurisdiction = actorOf(request).jurisdiction;
    async function* lines() {
      yield `\uFEFF${CSV_COLUMNS.map(([title]) => csvField(title)).join(',')}\n`;
      let beforeId = firstBeforeId;
      for (;;) {
        const page = await audit.search(jurisdiction, filter, 1000, beforeId);
        if (page.length === 0) return;
        yield page.map((row) => CSV_COLUMNS.map(([, value]) => csvField(value(row))).join(',')).join('\n') + '\n';
        beforeId = page[page.length - 1]!.id;
      }
    }
    return reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', 'attachment; filename="audit-log.csv"')
      .send(Readable.from(lines()));
  });
};
