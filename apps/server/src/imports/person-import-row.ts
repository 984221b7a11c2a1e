import { parsePersonValues, PERSON_FIELDS, type PersonValues, type PersonWrite } from '@civicgrid/domain';
import type { ParsedRow, RowProblem } from './register-import.js';

const HEADER_OF = new Map<string, string>(PERSON_FIELDS.map((field) => [field.key, field.header]));
const SENSITIVE_KEYS = PERSON_FIELDS.filter((field) => 'sensitive' in field).map((field) => field.key);
// Above this, a number typed into Excel has lost its last digits: an 18-digit ID number kept as a number.
const LARGEST_EXACT_ID = 1e15;

const show = (value: unknown): string | null => {
  if (value === null || value === undefined || value === '') return null;
  return value instanceof Date ? value.toISOString().slice(0, 10) : String(value);
};

function problem(key: string, value: unknown, zh: string, en: string): RowProblem {
  const header = HEADER_OF.get(key) ?? key;
  return { column: header, value: show(value), zh: `${header}：${zh}`, en: `${key}: ${en}` };
}

/** Problems that the field parser cannot see: what spreadsheets and masked exports do to values. */
function spreadsheetProblems(values: PersonValues): RowProblem[] {
  const problems: RowProblem[] = [];
  for (const key of SENSITIVE_KEYS) {
    const value = values[key];
    if (typeof value === 'string' && value.includes('*')) {
      problems.push(problem(key, value, '含有脱敏字符“*”，脱敏导出的文件不能导入，请使用原文导出的文件',
        'contains the mask character "*": a masked export cannot be imported, use a revealed one'));
    }
  }
  if (typeof values.idNumber === 'number' && values.idNumber >= LARGEST_EXACT_ID) {
    problems.push(problem('idNumber', values.idNumber, '被 Excel 存成了数字，末几位已丢失；请将该列设为“文本”后重新填写',
      'was stored by Excel as a number and lost its last digits; format the column as text and enter it again'));
  }
  return problems;
}

/**
 * One spreadsheet row of the person register: the domain's parser decides every field; the key names the
 * person within one file — the ID number, or without one the name, birth date and grid.
 */
export function parsePersonRow(values: PersonValues, today: string): ParsedRow<PersonWrite> {
  const early = spreadsheetProblems(values);
  const parsed = parsePersonValues(values, today);
  if ('errors' in parsed || early.length > 0) {
    const fieldProblems = 'errors' in parsed
      ? parsed.errors
        .filter((error) => !early.some((found) => found.column === error.header))
        .map((error) => ({ column: error.header, value: show(values[error.field]), zh: error.zh, en: error.en }))
      : [];
    return { problems: [...early, ...fieldProblems] };
  }
  const person = parsed.person;
  if (person.idNumber !== null) {
    return {
      row: person,
      // the ID number alone for the common case: a million keys are held for the whole file
      key: person.idType === 'resident_id_card' ? person.idNumber : `${person.idType}\u0000${person.idNumber}`,
      duplicateOf: (first) => problem('idNumber', person.idNumber, `与第 ${first} 行的证件号码重复`, `same ID number as row ${first}`),
    };
  }
  return {
    row: person,
    key: `\u0001${person.name}\u0000${person.birthDate ?? ''}\u0000${person.gridCode}`,
    duplicateOf: (first) => problem('name', person.name, `与第 ${first} 行的姓名、出生日期、所属网格相同（没有证件号码时据此识别同一人）`,
      `same name, birth date and grid as row ${first} (without an ID number these identify a person)`),
  };
}
