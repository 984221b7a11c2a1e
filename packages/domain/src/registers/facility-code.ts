/**
 * Public facility 部件 ids (GB/T 30428 family): 6-digit county code + 2-digit class + 2-digit subclass
 * + 6-digit sequence. Classes 01–06 are the national ones; cities extend classes and subclasses locally,
 * so other non-zero codes are accepted and shown as local extensions.
 */
export const FACILITY_CLASS_LABELS: Readonly<Record<string, string>> = {
  '01': '公用设施',
  '02': '道路交通',
  '03': '市容环境',
  '04': '园林绿化',
  '05': '房屋土地',
  '06': '其他设施',
};

// GB/T 2260 province codes: a county code starts with one of these
const PROVINCES = new Set(['11', '12', '13', '14', '15', '21', '22', '23', '31', '32', '33', '34', '35', '36', '37', '41', '42', '43', '44', '45', '46', '50', '51', '52', '53', '54', '61', '62', '63', '64', '65', '71', '81', '82']);

export type FacilityCodeProblem = 'format' | 'county' | 'category' | 'sequence';

export type FacilityCodeCheck =
  | { valid: true; normalized: string; countyCode: string; classCode: string; subclassCode: string; categoryCode: string; sequence: string; classLabel: string }
  | { valid: false; reason: FacilityCodeProblem };

export const FACILITY_CODE_PROBLEM_MESSAGES: Record<FacilityCodeProblem, { zh: string; en: string }> = {
  format: { zh: '应为16位数字：区县6位＋大类2位＋小类2位＋顺序号6位', en: 'must be 16 digits: county 6 + class 2 + subclass 2 + sequence 6' },
  county: { zh: '前6位不是区县代码', en: 'the first 6 digits are not a county code' },
  category: { zh: '大类和小类不能为 00', en: 'class and subclass cannot be 00' },
  sequence: { zh: '顺序号不能为 000000', en: 'the sequence cannot be 000000' },
};

export function checkFacilityCode(input: string): FacilityCodeCheck {
  const value = input.trim();
  if (!/^\d{16}$/.test(value)) return { valid: false, reason: 'format' };
  const countyCode = value.slice(0, 6);
  const classCode = value.slice(6, 8);
  const subclassCode = value.slice(8, 10);
  const sequence = value.slice(10);
  if (!PROVINCES.has(countyCode.slice(0, 2)) || countyCode.slice(2) === '0000') return { valid: false, reason: 'county' };
  if (classCode === '00' || subclassCode === '00') return { valid: false, reason: 'category' };
  if (sequence === '000000') return { valid: false, reason: 'sequence' };
  return {
    valid: true, normalized: value, countyCode, classCode, subclassCode, categoryCode: classCode + subclassCode, sequence,
    classLabel: FACILITY_CLASS_LABELS[classCode] ?? '地方扩展',
  };
}
