import { checkCreditCode, CREDIT_CODE_PROBLEM_MESSAGES } from './credit-code.js';
import { checkFacilityCode, FACILITY_CODE_PROBLEM_MESSAGES } from './facility-code.js';
import { parseDateCell } from './person-values.js';
import { checkPhone } from './phone.js';
import type { RecordField } from './record-fields.js';

export interface RecordFieldError {
  field: string;
  header: string;
  zh: string;
  en: string;
}

export type RecordValues = Record<string, unknown>;

const TRUE_WORDS = new Set(['是', '有', 'y', 'yes', 'true', '1', '√']);
const FALSE_WORDS = new Set(['否', '无', 'n', 'no', 'false', '0', '']);

function textOf(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  const text = (value instanceof Date ? value.toISOString().slice(0, 10) : String(value)).trim();
  return text === '' ? null : text;
}

/**
 * Validates one record's values against its field table (from a form, or a spreadsheet row mapped to field
 * keys) and returns what the register stores, or every problem at once, each named by field and header.
 * Absent fields come back as null (booleans as false); enums whose options are numbers come back as numbers.
 */
export function parseRecordValues(fields: readonly RecordField[], values: RecordValues): { values: RecordValues } | { errors: RecordFieldError[] } {
  const errors: RecordFieldError[] = [];
  const headers = new Map(fields.map((field) => [field.key, field.header]));
  const fail = (key: string, zh: string, en: string) => {
    errors.push({ field: key, header: headers.get(key) ?? key, zh: `${headers.get(key) ?? key}：${zh}`, en: `${key}: ${en}` });
  };
  const parsed: RecordValues = {};
  for (const field of fields) {
    const raw = values[field.key];
    const text = textOf(raw);
    parsed[field.key] = null;
    if (text === null) {
      if (field.required) fail(field.key, '必填', 'is required');
      if (field.kind === 'boolean') parsed[field.key] = false;
      continue;
    }
    switch (field.kind) {
      case 'text':
        if (field.max && text.length > field.max) fail(field.key, `不能超过 ${field.max} 个字`, `at most ${field.max} characters`);
        else parsed[field.key] = checkedText(field, text, fail);
        break;
      case 'date': {
        const date = parseDateCell(typeof raw === 'string' ? raw.trim() : raw);
        if (date === 'invalid') fail(field.key, `“${text}”不是有效日期（例如 2026-11-23）`, `"${text}" is not a date (e.g. 2026-11-23)`);
        else parsed[field.key] = date;
        break;
      }
      case 'boolean': {
        const word = text.toLowerCase();
        if (raw === true || raw === false) parsed[field.key] = raw;
        else if (TRUE_WORDS.has(word)) parsed[field.key] = true;
        else if (FALSE_WORDS.has(word)) parsed[field.key] = false;
        else fail(field.key, `“${text}”应为“是”或“否”`, `"${text}" should be yes or no`);
        break;
      }
      case 'enum': {
        const options = field.options!;
        const value = Object.keys(options).find((option) => option === text || options[option] === text);
        if (value === undefined) fail(field.key, `“${text}”应为：${Object.values(options).join('、')}`, `"${text}" is not one of ${Object.keys(options).join(', ')}`);
        else parsed[field.key] = /^\d+$/.test(value) ? Number(value) : value;
        break;
      }
      case 'integer':
      case 'decimal': {
        const number = Number(text);
        const [minimum, maximum] = field.range ?? [-Infinity, Infinity];
        if (!Number.isFinite(number) || (field.kind === 'integer' && !Number.isInteger(number))) {
          fail(field.key, `“${text}”不是${field.kind === 'integer' ? '整数' : '数字'}`, `"${text}" is not ${field.kind === 'integer' ? 'an integer' : 'a number'}`);
        } else if (number < minimum || number > maximum) {
          fail(field.key, `应在 ${minimum} 到 ${maximum} 之间`, `must be between ${minimum} and ${maximum}`);
        } else parsed[field.key] = number;
        break;
      }
    }
  }
  const keys = new Set(fields.map((field) => field.key));
  if (keys.has('lon') && keys.has('lat') && (parsed.lon === null) !== (parsed.lat === null) && !errors.some((error) => error.field === 'lon' || error.field === 'lat')) {
    fail(parsed.lon === null ? 'lon' : 'lat', '经度和纬度须同时填写', 'longitude and latitude go together');
  }
  if (keys.has('deregisteredOn') && parsed.deregisteredOn && !parsed.deregistrationReason) {
    fail('deregistrationReason', '注销时须填写原因', 'a deregistration needs a reason');
  }
  return errors.length > 0 ? { errors } : { values: parsed };
}

function checkedText(field: RecordField, text: string, fail: (key: string, zh: string, en: string) => void): string | null {
  switch (field.check) {
    case undefined:
      return text;
    case 'phone': {
      const phone = checkPhone(text);
      if (phone.valid) return phone.normalized;
      fail(field.key, `“${text}”不是有效的手机或固定电话号码`, `"${text}" is not a mobile or landline number`);
      return null;
    }
    case 'credit_code': {
      const code = checkCreditCode(text);
      if (code.valid) return code.normalized;
      fail(field.key, CREDIT_CODE_PROBLEM_MESSAGES[code.reason].zh, CREDIT_CODE_PROBLEM_MESSAGES[code.reason].en);
      return null;
    }
    case 'facility_code': {
      const code = checkFacilityCode(text);
      if (code.valid) return code.normalized;
      fail(field.key, FACILITY_CODE_PROBLEM_MESSAGES[code.reason].zh, FACILITY_CODE_PROBLEM_MESSAGES[code.reason].en);
      return null;
    }
    case 'grid_code':
      if (/^\d{15}(\d{2})?$/.test(text)) return text;
      fail(field.key, '应为15位网格编码或17位微网格编码', 'must be a 15-digit grid or 17-digit micro-grid code');
      return null;
  }
}
