import type { Writable } from 'node:stream';
import { can, forbidden, maskIdNumber, maskPhone, PERSON_FIELDS, type Actor, type RegisterField } from '@civicgrid/domain';
import type { AuditRepository } from '../audit/audit.repository.js';
import type { GridLookups } from '../grids/grid-access.js';
import type { PersonExportFilter, PersonExportRepository, PersonExportRow } from './person-export.repository.js';
import { csvWriter, xlsxWriter, type CellValue, type CsvEncoding } from './spreadsheet-writer.js';

const PAGE_ROWS = 5_000;
const snake = (key: string) => key.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);

export interface PersonExportRequest {
  filter: PersonExportFilter;
  format: 'xlsx' | 'csv';
  encoding: CsvEncoding;
  /** ID numbers and phones in full: needs person.reveal and a reason, and is audited */
  reveal: boolean;
  reason?: string | undefined;
}

export interface PreparedExport {
  fileName: string;
  count: number;
  write(output: Writable): Promise<void>;
}

/** A stored value as the spreadsheet shows it: enums by their Chinese label, booleans 是/否, sensitive fields masked. */
function cellOf(field: RegisterField, value: unknown, reveal: boolean): CellValue {
  if (value === null || value === undefined) return null;
  if (field.kind === 'boolean') return value ? '是' : '否';
  if (field.kind === 'enum') return field.options?.[String(value)] ?? String(value);
  const text = String(value);
  if (!reveal && field.sensitive === 'id_number') return maskIdNumber(text);
  if (!reveal && field.sensitive === 'phone') return maskPhone(text);
  return text;
}

function rowOf(person: PersonExportRow, reveal: boolean): CellValue[] {
  return (PERSON_FIELDS as readonly RegisterField[]).map((field) => cellOf(field, person[snake(field.key)], reveal));
}

/** 人员_20261123: the date in China, where the file is read. */
function fileDate(): string {
  return new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' }).replaceAll('-', '');
}

/**
 * Exports the persons a list filter selects, in the columns of the import template (so that a revealed
 * export imports back unchanged), written while it downloads. ID numbers and phones are masked unless the
 * caller holds person.reveal and asks for them with a reason; every export is audited with its filters and
 * the number of persons.
 */
export class PersonExportService {
  constructor(
    private readonly persons: PersonExportRepository,
    private readonly lookups: GridLookups,
    private readonly audit: AuditRepository,
  ) {}

  async prepare(actor: Actor, request: PersonExportRequest, ip: string | null): Promise<PreparedExport> {
    const { filter } = request;
    if (request.reveal && !can(actor, 'person.reveal')) {
      throw forbidden('person.reveal_denied', '您的角色无权导出证件号码、联系电话原文', 'Your role may not export ID numbers and phones in full');
    }
    if (filter.specialGroup && !can(actor, 'person.reveal')) {
      throw forbidden('person.special_group_hidden', '您的角色无权按特殊人群筛选', 'Your role may not filter by special group');
    }
    const gridPath = filter.gridCode ? (await this.lookups.visibleGrid(actor, filter.gridCode)).path : undefined;
    const regionPath = filter.regionCode ? (await this.lookups.visibleRegion(actor, filter.regionCode)).path : undefined;
    const grids = await this.persons.gridsOf({ gridPath, regionPath, jurisdiction: actor.jurisdiction });
    // persons not yet placed in a grid belong to no region: only a city-wide export without a place includes them
    const includeUnplaced = actor.jurisdiction.kind === 'everywhere' && !gridPath && !regionPath;
    const gridIds = grids.map((grid) => grid.id);
    const count = await this.persons.count(gridIds, includeUnplaced, filter);
    await this.audit.append({
      actorUserId: actor.kind === 'user' ? actor.userId : null,
      actorApiTokenId: actor.kind === 'api_token' ? actor.apiTokenId : null,
      ip,
      action: request.reveal ? 'person.export_revealed' : 'person.export',
      targetTable: 'persons',
      targetId: null,
      reason: request.reveal ? request.reason ?? null : null,
      details: { count, filters: filter, format: request.format, revealed: request.reveal ? ['idNumber', 'mobile'] : [] },
    });
    return {
      fileName: `人员_${fileDate()}.${request.format}`,
      count,
      write: (output) => this.write(output, request, [...gridIds, ...(includeUnplaced ? [null] : [])]),
    };
  }

  private async write(output: Writable, request: PersonExportRequest, gridIds: (number | null)[]): Promise<void> {
    const writer = request.format === 'xlsx' ? xlsxWriter(output) : csvWriter(output, request.encoding);
    writer.sheet('人员', PERSON_FIELDS.map((field) => ({ header: field.header, text: field.kind === 'text' })));
    for (const gridId of gridIds) {
      for (let afterId = 0; ;) {
        const page = await this.persons.page(gridId, afterId, request.filter, PAGE_ROWS);
        for (const person of page) writer.addRow(rowOf(person, request.reveal));
        await writer.drained();
        if (page.length < PAGE_ROWS) break;
        afterId = page[page.length - 1]!.id;
      }
    }
    await writer.finish();
  }
}
