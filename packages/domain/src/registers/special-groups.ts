import { z } from 'zod';
import {
  endNotBeforeStart, GROUP_DATE_LABELS, GROUP_DATES, isoDate, optionalText, optionOf, parseGroupRecord, requiredText,
  type GroupFieldError, type GroupFieldLabel, type GroupRecordWrite,
} from './group-records.js';

/** Special groups 特殊人群 of GB/T 31000's "9 + X"; their labels are sensitive. */
export const SPECIAL_GROUP_KIND_LABELS = {
  released_prisoner: '刑满释放人员',
  community_correction: '社区矫正对象',
  severe_mental_disorder: '严重精神障碍患者',
  drug_user: '吸毒人员',
  hiv_risk: '艾滋病危险人员',
  at_risk_youth: '重点青少年',
} as const;
export type SpecialGroupKind = keyof typeof SPECIAL_GROUP_KIND_LABELS;
export const SPECIAL_GROUP_KINDS = Object.keys(SPECIAL_GROUP_KIND_LABELS) as SpecialGroupKind[];

/** Risk assessment levels of severe mental disorders, 0 (none) to 5 (violent acts). */
export const MENTAL_RISK_LEVEL_LABELS = { 0: '0级', 1: '1级', 2: '2级', 3: '3级', 4: '4级', 5: '5级' } as const;
export const MENTAL_TREATMENT_LABELS = { hospitalized: '住院治疗', medication_at_home: '居家服药', untreated: '未治疗' } as const;
export const CORRECTION_TYPE_LABELS = { probation: '缓刑', parole: '假释', temporary_outside_execution: '暂予监外执行', public_surveillance: '管制' } as const;
export const PLACEMENT_STATUS_LABELS = { placed: '已安置', not_placed: '未安置', refused: '拒绝安置' } as const;
export const DRUG_CONTROL_STATUS_LABELS = {
  community_detox: '社区戒毒', community_rehabilitation: '社区康复', compulsory_isolation: '强制隔离戒毒',
  maintenance_treatment: '药物维持治疗', abstinent: '戒断巩固', unmanaged: '失控',
} as const;
export const HIV_RISK_CATEGORY_LABELS = { infected: 'HIV感染者', patient: '艾滋病病人', high_risk_behaviour: '高危行为人群' } as const;
export const HIV_TREATMENT_LABELS = { on_treatment: '抗病毒治疗中', not_on_treatment: '未治疗' } as const;
export const AT_RISK_YOUTH_CATEGORY_LABELS = {
  idle: '闲散青少年', misbehaving: '有不良行为青少年', street_child: '流浪乞讨未成年人', prisoner_child: '服刑人员未成年子女', other: '其他',
} as const;

/** Which fields apply to which group: each kind's schema, strict, so a detail of another kind is named and refused. */
export const SPECIAL_GROUP_SCHEMAS: Record<SpecialGroupKind, z.ZodType> = {
  severe_mental_disorder: z.strictObject({
    ...GROUP_DATES,
    riskLevel: z.number().int().min(0).max(5),
    guardianPersonId: z.number().int().positive(),
    details: z.strictObject({ diagnosis: optionalText(100), treatment: optionOf(MENTAL_TREATMENT_LABELS).nullish(), guardianRelation: optionalText(20) }).default({}),
  }).superRefine(endNotBeforeStart),
  community_correction: z.strictObject({
    ...GROUP_DATES,
    startedOn: isoDate,
    endedOn: isoDate,
    details: z.strictObject({ correctionType: optionOf(CORRECTION_TYPE_LABELS), crime: optionalText(100), sentence: optionalText(100) }),
  }).superRefine(endNotBeforeStart),
  released_prisoner: z.strictObject({
    ...GROUP_DATES,
    details: z.strictObject({
      releasedOn: isoDate, crime: requiredText(100), sentence: optionalText(100), prison: optionalText(100),
      placementStatus: optionOf(PLACEMENT_STATUS_LABELS),
    }),
  }).superRefine(endNotBeforeStart),
  drug_user: z.strictObject({
    ...GROUP_DATES,
    details: z.strictObject({ controlStatus: optionOf(DRUG_CONTROL_STATUS_LABELS), drugType: optionalText(50), firstFoundOn: isoDate.nullish() }),
  }).superRefine(endNotBeforeStart),
  hiv_risk: z.strictObject({
    ...GROUP_DATES,
    details: z.strictObject({ category: optionOf(HIV_RISK_CATEGORY_LABELS), treatment: optionOf(HIV_TREATMENT_LABELS).nullish(), followUpAgency: optionalText(100) }),
  }).superRefine(endNotBeforeStart),
  at_risk_youth: z.strictObject({
    ...GROUP_DATES,
    guardianPersonId: z.number().int().positive().nullish(),
    details: z.strictObject({ category: optionOf(AT_RISK_YOUTH_CATEGORY_LABELS), school: optionalText(100), assistance: optionalText(200) }),
  }).superRefine(endNotBeforeStart),
};

/** Labels of every special-group field, for forms, errors and the change history. */
export const SPECIAL_GROUP_FIELD_LABELS: Record<string, GroupFieldLabel> = {
  ...GROUP_DATE_LABELS,
  riskLevel: { label: '风险等级', options: MENTAL_RISK_LEVEL_LABELS },
  guardianPersonId: { label: '监护人（人员编号）' },
  details: { label: '详情' },
  'details.diagnosis': { label: '诊断' },
  'details.treatment': { label: '治疗情况', options: { ...MENTAL_TREATMENT_LABELS, ...HIV_TREATMENT_LABELS } },
  'details.guardianRelation': { label: '监护人关系' },
  'details.correctionType': { label: '矫正类别', options: CORRECTION_TYPE_LABELS },
  'details.crime': { label: '罪名' },
  'details.sentence': { label: '刑期' },
  'details.releasedOn': { label: '释放日期' },
  'details.prison': { label: '服刑场所' },
  'details.placementStatus': { label: '安置情况', options: PLACEMENT_STATUS_LABELS },
  'details.controlStatus': { label: '管控情况', options: DRUG_CONTROL_STATUS_LABELS },
  'details.drugType': { label: '滥用毒品种类' },
  'details.firstFoundOn': { label: '初次发现日期' },
  'details.category': { label: '人员类别', options: { ...HIV_RISK_CATEGORY_LABELS, ...AT_RISK_YOUTH_CATEGORY_LABELS } },
  'details.followUpAgency': { label: '随访机构' },
  'details.school': { label: '就读学校' },
  'details.assistance': { label: '帮扶措施' },
};

export function parseSpecialGroupRecord(kind: SpecialGroupKind, input: unknown): { record: GroupRecordWrite } | { errors: GroupFieldError[] } {
  return parseGroupRecord(SPECIAL_GROUP_SCHEMAS[kind], SPECIAL_GROUP_FIELD_LABELS, SPECIAL_GROUP_KIND_LABELS[kind], input);
}
