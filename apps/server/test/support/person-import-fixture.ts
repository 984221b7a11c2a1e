// Two grids in two streets of 张店区, a street operator of the first street, and the upload of import files
// as a browser sends them (multipart), waiting for the background job to end.
import assert from 'node:assert/strict';
import { PERSON_FIELDS, type PersonFieldKey } from '@civicgrid/domain';
import { sql } from 'kysely';
import { importZhangdian, polygon, rectangle, setBoundary } from './factories.js';
import type { Session, TestContext } from './test-app.js';

export const GRID_A = '370303001001001';
export const GRID_B = '370303002001001';

export async function buildImportFixture(context: TestContext): Promise<{ operator: Session; leader: Session }> {
  await importZhangdian(context.database);
  await setBoundary(context.database, '370303001001', rectangle(118.0, 36.8, 118.01, 36.81));
  await setBoundary(context.database, '370303002001', rectangle(118.1, 36.8, 118.11, 36.81));
  for (const [code, box] of [[GRID_A, polygon(118.0, 36.8, 118.01, 36.81)], [GRID_B, polygon(118.1, 36.8, 118.11, 36.81)]] as const) {
    const created = await context.inject({ method: 'POST', url: '/api/grids', payload: { code, name: `网格${code.slice(-6)}`, boundary: box } });
    assert.equal(created.statusCode, 201, created.body);
  }
  await context.createUser('street.operator', { role: 'street_operator', regionCode: '370303001' });
  await context.createUser('city.leader', { role: 'leader', regionCode: '370300' });
  return { operator: await context.loginAs('street.operator'), leader: await context.loginAs('city.leader') };
}

const HEADER_OF = new Map<string, string>(PERSON_FIELDS.map((field) => [field.key, field.header]));

/** A CSV file of persons: the given columns (field keys) under their Chinese headers. */
export function personCsv(keys: PersonFieldKey[], rows: (string | null)[][]): string {
  const quote = (value: string | null) => (value === null ? '' : /[",\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value);
  return [keys.map((key) => HEADER_OF.get(key)!), ...rows].map((row) => row.map(quote).join(',')).join('\r\n') + '\r\n';
}

export function multipart(fields: Record<string, string>, file: { name: string; content: Buffer }): { payload: Buffer; headers: Record<string, string> } {
  const boundary = '----civicgrid-import-boundary';
  const parts = Object.entries(fields).map(([name, value]) => Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
  const payload = Buffer.concat([
    ...parts,
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: application/octet-stream\r\n\r\n`),
    file.content,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

export async function submitImport(context: TestContext, as: Session, fileName: string, content: Buffer | string, mode = 'skip_invalid') {
  const body = multipart({ mode }, { name: fileName, content: typeof content === 'string' ? Buffer.from(content) : content });
  return context.inject({ method: 'POST', url: '/api/imports/persons', as, ...body });
}

/** The job as GET /api/imports/:id shows it once it has ended. */
export async function waitForImport(context: TestContext, as: Session, id: number) {
  for (let attempt = 0; attempt < 600; attempt += 1) {
    const response = await context.inject({ url: `/api/imports/${id}`, as });
    assert.equal(response.statusCode, 200, response.body);
    const job = response.json();
    if (job.status === 'succeeded' || job.status === 'failed') return job;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`import job ${id} did not end`);
}

/** Submits a file and waits for its job to end. */
export async function importFile(context: TestContext, as: Session, fileName: string, content: Buffer | string, mode = 'skip_invalid') {
  const submitted = await submitImport(context, as, fileName, content, mode);
  assert.equal(submitted.statusCode, 202, submitted.body);
  return waitForImport(context, as, submitted.json().id);
}

export async function countOf(context: TestContext, table: 'persons' | 'record_changes' | 'households'): Promise<number> {
  return (await sql<{ count: number }>`SELECT count(*)::int AS count FROM ${sql.table(table)}`.execute(context.database.db)).rows[0]!.count;
}

/** Every field of every person as the register stores it, by ID number (or name), for comparisons. */
export async function personSnapshot(context: TestContext) {
  const result = await sql<Record<string, unknown>>`
    SELECT p.name, p.former_name, p.gender, p.id_type, p.id_number, p.id_number_legacy, p.birth_date, p.nationality, p.ethnicity,
           p.native_place, p.marital_status, p.political_status, p.education, p.religion, p.occupation, p.workplace, p.mobile,
           p.residency, p.left_behind, p.registered_address, p.current_address, g.code AS grid_code, h.household_number,
           p.relation_to_head, p.attention_level, p.under_attention, p.attention_reason, p.data_source, p.deregistered_on,
           p.deregistration_reason, p.next_visit_on, p.last_verified_on
    FROM persons p LEFT JOIN grids g ON g.id = p.grid_id LEFT JOIN households h ON h.id = p.household_id
    ORDER BY p.id_number NULLS LAST, p.name`.execute(context.database.db);
  return result.rows;
}
