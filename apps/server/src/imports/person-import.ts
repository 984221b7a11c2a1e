import { PERSON_FIELDS, personFieldOfHeader, type PersonFieldKey, type PersonWrite } from '@civicgrid/domain';
import type { DatabaseExecutor } from '../database/schema.js';
import { parsePersonRow } from './person-import-row.js';
import type { PersonImportRepository } from './person-import.repository.js';
import type { AppliedCounts, RegisterImport, RowProblem, RowRange, StagingContext } from './register-import.js';

const HEADER_OF = new Map<string, string>(PERSON_FIELDS.map((field) => [field.key, field.header]));

const EXAMPLE_ROW: Partial<Record<PersonFieldKey, string>> = {
  name: '张三', gender: '男', idType: '居民身份证', idNumber: '370303199001011239', birthDate: '1990-01-01', nationality: 'CHN',
  ethnicity: '汉族', nativePlace: '山东淄博', maritalStatus: '已婚', politicalStatus: '群众', education: '大学本科', occupation: '职员',
  workplace: '淄博市某某公司', mobile: '13800000000', residency: '户籍人口', leftBehind: '否', registeredAddress: '淄博市张店区某某路1号',
  currentAddress: '淄博市张店区某某路1号', gridCode: '110101001001001', householdNumber: 'H0001', relationToHead: '户主',
  attentionLevel: '一般', underAttention: '否', dataSource: '录入',
};

const FIELD_NOTES: Partial<Record<PersonFieldKey, string>> = {
  idNumber: '居民身份证为18位（旧版15位亦可），校验码须正确；请把该列设为“文本”，以免 Excel 丢失末几位。有证件号码时据此识别同一人，再次导入只更新变化的内容',
  birthDate: '留空时按身份证号码填写；填写时须与身份证号码一致',
  gender: '留空时按身份证号码填写',
  nationality: '默认 CHN',
  mobile: '手机号，或带区号的固定电话（如 0533-1234567）',
  gridCode: '15位网格编码或17位微网格编码，须在您的管辖范围内',
  householdNumber: '同一网格内户号相同者为一户；该户不存在时自动建立',
  relationToHead: '填“户主”者成为该户户主',
  deregistrationReason: '填写注销日期时必填',
  name: '没有证件号码时，以姓名、出生日期、所属网格识别同一人',
};

const STAGING_PROBLEMS: Record<string, (row: PersonWrite) => RowProblem> = {
  grid_unknown: (row) => ({ column: HEADER_OF.get('gridCode')!, value: row.gridCode,
    zh: `所属网格：网格编码“${row.gridCode}”不存在`, en: `gridCode: there is no grid ${row.gridCode}` }),
  grid_outside: (row) => ({ column: HEADER_OF.get('gridCode')!, value: row.gridCode,
    zh: '所属网格：网格不在您的管辖范围', en: 'gridCode: the grid is outside your jurisdiction' }),
  person_outside: (row) => ({ column: HEADER_OF.get('idNumber')!, value: row.idNumber,
    zh: '证件号码：此人已登记在您管辖范围以外的网格，请由其所在网格迁出后再导入',
    en: 'idNumber: this person is registered in a grid outside your jurisdiction; that grid must move them out first' }),
};

/** The person register 实有人口 as an import: its field table, row parser and merge SQL. */
export class PersonImport implements RegisterImport<PersonWrite> {
  readonly register = 'persons' as const;
  readonly title = '人员';
  readonly fields = PERSON_FIELDS;
  readonly exampleRow = EXAMPLE_ROW;
  readonly fieldNotes = FIELD_NOTES;

  constructor(private readonly repository: PersonImportRepository) {}

  fieldOfHeader(header: string): string | undefined {
    return personFieldOfHeader(header);
  }

  parseRow(values: Record<string, unknown>, today: string) {
    return parsePersonRow(values, today);
  }

  async stage(executor: DatabaseExecutor, context: StagingContext, rows: { rowNumber: number; row: PersonWrite }[]) {
    const found = await this.repository.stage(executor, context, rows);
    if (found.length === 0) return [];
    const byNumber = new Map(rows.map((entry) => [entry.rowNumber, entry.row]));
    return found.map(({ rowNumber, problem }) => ({ rowNumber, problem: STAGING_PROBLEMS[problem]!(byNumber.get(rowNumber)!) }));
  }

  apply(executor: DatabaseExecutor, context: StagingContext, range: RowRange): Promise<AppliedCounts> {
    return this.repository.apply(executor, context, range);
  }

  discard(executor: DatabaseExecutor, jobId: number): Promise<void> {
    return this.repository.discard(executor, jobId);
  }
}
