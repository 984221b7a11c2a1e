import { checkIdNumber } from '../id-number.js';
import type { Residency } from '../base-data.schema.js';
import { checkPhone } from './phone.js';
import { PERSON_FIELDS, type DataSource, type IdType, type PersonFieldKey, type RegisterField } from './person-fields.js';

/** A person as the register stores it, after validation. */
export interface PersonWrite {
  name: string;
  formerName: string | null;
  gender: 'male' | 'female' | null;
  idType: IdType;
  idNumber: string | null;
  /** a 15-digit number from before 1999: accepted, and flagged for the grid worker to update */
  idNumberLegacy: boolean;
  birthDate: string | null;
  nationality: string;
  ethnicity: string | null;
  nativePlace: string | null;
  maritalStatus: string | null;
  politicalStatus: string | null;
  education: string | null;
  religion: string | null;
  occupation: string | null;
  workplace: string | null;
  mobile: string | null;
  residency: Residency;
  leftBehind: boolean;
  registeredAddress: string | null;
  currentAddress: string | null;
  gridCode: string;
  householdNumber: string | null;
  relationToHead: string | null;
  attentionLevel: 1 | 2 | 3;
  underAttention: boolean;
  attentionReason: string | null;
  dataSource: DataSource;
  deregisteredOn: string | null;
  deregistrationReason: string | null;
  nextVisitOn: string | null;
  lastVerifiedOn: string | null;
}

export interface FieldError {
  field: PersonFieldKey;
  /** the Chinese column header, as the user's spreadsheet names the column */
  header: string;
  zh: string;
  en: string;
}

export type PersonValues = Partial<Record<PersonFieldKey, unknown>>;

const FIELD_BY_KEY = new Map<string, RegisterField>(PERSON_FIELDS.map((field) => [field.key, field]));
const FIELD_BY_HEADER = new Map<string, RegisterField>(PERSON_FIELDS.map((field) => [field.header, field]));

/** The field a spreadsheet column stands for, by its Chinese header or its English key. */
export function personFieldOfHeader(header: string): PersonFieldKey | undefined {
  const trimmed = header.trim().replace(/^\uFEFF/, '').replace(/[*＊]$/, '');
  return (FIELD_BY_HEADER.get(trimmed) ?? FIELD_BY_KEY.get(trimmed))?.key as PersonFieldKey | undefined;
}

const TRUE_WORDS = new Set(['是', '有', 'y', 'yes', 'true', '1', '√']);
const FALSE_WORDS = new Set(['否', '无', 'n', 'no', 'false', '0', '']);
// Excel counts days from 1899-12-30 (its 1900 leap-year bug included)
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);

function isRealDate(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(year, month - 1, day));
  return year >= 1850 && year <= 2200 && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** A date cell: 2026-11-23, 2026/11/23, 2026.11.23, 20261123, 2026年11月23日, an Excel serial number or a Date. */
export function parseDateCell(value: unknown): string | null | 'invalid' {
  if (value === null || value === undefined || value === '') return null;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? 'invalid' : value.toISOString().slice(0, 10);
  if (typeof value === 'number') {
    if (!Number.isFinite(value) || value < 1 || value > 120_000) return 'invalid';
    return new Date(EXCEL_EPOCH_MS + Math.round(value) * 86_400_000).toISOString().slice(0, 10);
  }
  const text = String(value).trim();
  const match = /^(\d{4})[-/.年]?(\d{1,2})[-/.月]?(\d{1,2})日?$/.exec(text);
  if (!match) return 'invalid';
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (!isRealDate(year, month, day)) return 'invalid';
  return `${match[1]}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function textOf(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  const text = (value instanceof Date ? value.toISOString().slice(0, 10) : String(value)).trim();
  return text === '' ? null : text;
}

/**
 * Validates the values of one person (from a form, or a spreadsheet row already mapped to field keys) and
 * returns what the register stores, or every problem at once, each named by its field and column.
 */
export function parsePersonValues(values: PersonValues, today = new Date().toISOString().slice(0, 10)): { person: PersonWrite } | { errors: FieldError[] } {
  const errors: FieldError[] = [];
  const fail = (field: PersonFieldKey, zh: string, en: string) => {
    errors.push({ field, header: FIELD_BY_KEY.get(field)!.header, zh: `${FIELD_BY_KEY.get(field)!.header}：${zh}`, en: `${field}: ${en}` });
  };
  const parsed: Record<string, unknown> = {};
  for (const field of PERSON_FIELDS as readonly RegisterField[]) {
    const key = field.key as PersonFieldKey;
    const raw = values[key];
    const text = textOf(raw);
    if (field.required && text === null) {
      fail(key, '必填', 'is required');
      continue;
    }
    if (field.kind === 'text') {
      if (text !== null && field.max && text.length > field.max) fail(key, `不能超过 ${field.max} 个字`, `at most ${field.max} characters`);
      parsed[key] = text;
    } else if (field.kind === 'date') {
      const date = parseDateCell(typeof raw === 'string' ? raw.trim() : raw);
      if (date === 'invalid') fail(key, `“${text}”不是有效日期（例如 2026-11-23）`, `"${text}" is not a date (e.g. 2026-11-23)`);
      parsed[key] = date === 'invalid' ? null : date;
    } else if (field.kind === 'boolean') {
      const word = (text ?? '').toLowerCase();
      if (raw === true || raw === false) parsed[key] = raw;
      else if (TRUE_WORDS.has(word)) parsed[key] = true;
      else if (FALSE_WORDS.has(word)) parsed[key] = false;
      else fail(key, `“${text}”应为“是”或“否”`, `"${text}" should be yes or no`);
    } else if (field.kind === 'enum' && text !== null) {
      const options = field.options!;
      const value = Object.keys(options).find((option) => option === text || options[option] === text);
      if (value === undefined) fail(key, `“${text}”应为：${Object.values(options).join('、')}`, `"${text}" is not one of ${Object.keys(options).join(', ')}`);
      parsed[key] = value ?? null;
    } else {
      parsed[key] = null;
    }
  }

  const idType = (parsed.idType as IdType | null) ?? 'resident_id_card';
  let idNumber = parsed.idNumber as string | null;
  let idNumberLegacy = false;
  if (idNumber !== null && idType === 'resident_id_card') {
    const check = checkIdNumber(idNumber);
    if (!check.valid) {
      const reason = { format: ['应为18位（或旧版15位）数字', 'must be 18 digits (or the old 15)'], birth_date: ['出生日期段不是有效日期', 'the birth date part is not a date'], check_digit: ['校验码不正确', 'the check character is wrong'] }[check.reason];
      fail('idNumber', reason[0]!, reason[1]!);
    } else {
      idNumber = check.normalized;
      idNumberLegacy = check.legacy;
      if (parsed.birthDate === null) parsed.birthDate = check.birthDate;
      else if (parsed.birthDate !== check.birthDate) fail('birthDate', `与证件号码中的 ${check.birthDate} 不一致`, `differs from ${check.birthDate} in the ID number`);
      if (parsed.gender === null) parsed.gender = check.gender;
      else if (parsed.gender !== check.gender) fail('gender', '与证件号码不一致', 'differs from the ID number');
    }
  }
  if (typeof parsed.birthDate === 'string' && parsed.birthDate > today) fail('birthDate', '不能晚于今天', 'cannot be in the future');
  if (parsed.mobile !== null && parsed.mobile !== undefined) {
    const phone = checkPhone(parsed.mobile as string);
    if (!phone.valid) fail('mobile', `“${String(parsed.mobile)}”不是有效的手机或固定电话号码`, `"${String(parsed.mobile)}" is not a mobile or landline number`);
    else parsed.mobile = phone.normalized;
  }
  if (parsed.gridCode !== null && parsed.gridCode !== undefined && !/^\d{15}(\d{2})?$/.test(parsed.gridCode as string)) {
    fail('gridCode', '应为15位网格编码或17位微网格编码', 'must be a 15-digit grid or 17-digit micro-grid code');
  }
  if (parsed.deregisteredOn && !parsed.deregistrationReason) fail('deregistrationReason', '注销时须填写原因', 'a deregistration needs a reason');
  if (errors.length > 0) return { errors };
  return {
    person: {
      ...(parsed as Omit<PersonWrite, 'idType' | 'idNumber' | 'idNumberLegacy' | 'nationality' | 'leftBehind' | 'attentionLevel' | 'underAttention' | 'dataSource'>),
      idType, idNumber, idNumberLegacy,
      nationality: (parsed.nationality as string | null) ?? 'CHN',
      leftBehind: (parsed.leftBehind as boolean | undefined) ?? false,
      attentionLevel: Number(parsed.attentionLevel ?? 1) as 1 | 2 | 3,
      underAttention: (parsed.underAttention as boolean | undefined) ?? false,
      dataSource: (parsed.dataSource as DataSource | null) ?? 'entered',
    },
  };
}
