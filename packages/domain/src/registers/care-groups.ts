import { z } from 'zod';
import {
  endNotBeforeStart, GROUP_DATE_LABELS, GROUP_DATES, optionalText, optionOf, parseGroupRecord, phoneNumber, requiredText,
  type GroupFieldError, type GroupFieldLabel, type GroupRecordWrite,
} from './group-records.js';

/** Care groups 关爱对象: people the grid looks after. */
export const CARE_GROUP_KIND_LABELS = {
  elderly_alone: '独居老人',
  left_behind_child: '留守儿童',
  disabled: '残疾人',
  low_income: '低收入家庭',
  other: '其他关爱对象',
} as const;
export type CareGroupKind = keyof typeof CARE_GROUP_KIND_LABELS;
export const CARE_GROUP_KINDS = Object.keys(CARE_GROUP_KIND_LABELS) as CareGroupKind[];

export const SELF_CARE_LABELS = { independent: '能自理', partly_dependent: '半自理', dependent: '不能自理' } as const;
export const DISABILITY_CATEGORY_LABELS = {
  visual: '视力残疾', hearing: '听力残疾', speech: '言语残疾', physical: '肢体残疾', intellectual: '智力残疾', mental: '精神残疾', multiple: '多重残疾',
} as const;
export const ASSISTANCE_TYPE_LABELS = { minimum_living: '最低生活保障', extreme_poverty: '特困供养', low_income_margin: '低保边缘' } as const;

export const CARE_GROUP_SCHEMAS: Record<CareGroupKind, z.ZodType> = {
  elderly_alone: z.strictObject({
    ...GROUP_DATES,
    details: z.strictObject({ selfCare: optionOf(SELF_CARE_LABELS).nullish(), emergencyContact: optionalText(50), emergencyPhone: phoneNumber.nullish() }).default({}),
  }).superRefine(endNotBeforeStart),
  left_behind_child: z.strictObject({
    ...GROUP_DATES,
    details: z.strictObject({ guardianName: requiredText(50), guardianRelation: optionalText(20), guardianPhone: phoneNumber.nullish(), parentsWorkplace: optionalText(100) }),
  }).superRefine(endNotBeforeStart),
  disabled: z.strictObject({
    ...GROUP_DATES,
    details: z.strictObject({ category: optionOf(DISABILITY_CATEGORY_LABELS), grade: z.number().int().min(1).max(4), certificateNumber: optionalText(30) }),
  }).superRefine(endNotBeforeStart),
  low_income: z.strictObject({
    ...GROUP_DATES,
    details: z.strictObject({ assistanceType: optionOf(ASSISTANCE_TYPE_LABELS), certificateNumber: optionalText(30), monthlyAllowance: z.number().min(0).max(100_000).nullish() }),
  }).superRefine(endNotBeforeStart),
  other: z.strictObject({
    ...GROUP_DATES,
    details: z.strictObject({ description: requiredText(200) }),
  }).superRefine(endNotBeforeStart),
};

export const CARE_GROUP_FIELD_LABELS: Record<string, GroupFieldLabel> = {
  ...GROUP_DATE_LABELS,
  details: { label: '详情' },
  'details.selfCare': { label: '自理能力', options: SELF_CARE_LABELS },
  'details.emergencyContact': { label: '紧急联系人' },
  'details.emergencyPhone': { label: '紧急联系电话' },
  'details.guardianName': { label: '监护人' },
  'details.guardianRelation': { label: '监护人关系' },
  'details.guardianPhone': { label: '监护人电话' },
  'details.parentsWorkplace': { label: '父母务工地' },
  'details.category': { label: '残疾类别', options: DISABILITY_CATEGORY_LABELS },
  'details.grade': { label: '残疾等级' },
  'details.certificateNumber': { label: '证件编号' },
  'details.assistanceType': { label: '救助类别', options: ASSISTANCE_TYPE_LABELS },
  'details.monthlyAllowance': { label: '月救助金额（元）' },
  'details.description': { label: '情况说明' },
};

export function parseCareGroupRecord(kind: CareGroupKind, input: unknown): { record: GroupRecordWrite } | { errors: GroupFieldError[] } {
  return parseGroupRecord(CARE_GROUP_SCHEMAS[kind], CARE_GROUP_FIELD_LABELS, CARE_GROUP_KIND_LABELS[kind], input);
}
