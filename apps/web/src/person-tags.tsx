import {
  ATTENTION_LEVEL_LABELS, CARE_GROUP_KIND_LABELS, RESIDENCY_LABELS, SPECIAL_GROUP_KIND_LABELS, type CareGroupKind, type Residency,
  type SpecialGroupKind,
} from '@civicgrid/domain';
import { Tag } from 'antd';

const RESIDENCY_COLOURS: Record<Residency, string> = { registered: 'blue', floating: 'orange', foreign: 'purple' };
const ATTENTION_COLOURS: Record<number, string> = { 1: 'blue', 2: 'gold', 3: 'volcano' };

export function ResidencyTag({ residency }: { residency: Residency }) {
  return <Tag color={RESIDENCY_COLOURS[residency]}>{RESIDENCY_LABELS[residency] ?? residency}</Tag>;
}

/** 重点关注, and the 关注程度 above the ordinary 一般 (`always`: 一般 as well). */
export function AttentionTags({ level, underAttention, always = false }: { level: number; underAttention: boolean; always?: boolean }) {
  const label = ATTENTION_LEVEL_LABELS[level as keyof typeof ATTENTION_LEVEL_LABELS];
  return (
    <>
      {underAttention && <Tag color="red">重点关注</Tag>}
      {label && (level > 1 || always) && <Tag color={ATTENTION_COLOURS[level]}>{label}</Tag>}
    </>
  );
}

export function LeftBehindTag() {
  return <Tag color="purple">留守</Tag>;
}

export function DeregisteredTag() {
  return <Tag>已注销</Tag>;
}

/** The person's special groups (listed only for readers who may see them) and care groups. */
export function GroupTags({ specialGroups = [], careGroups = [] }: { specialGroups?: SpecialGroupKind[]; careGroups?: CareGroupKind[] }) {
  return (
    <>
      {specialGroups.map((kind) => (
        <Tag key={kind} color="volcano">{SPECIAL_GROUP_KIND_LABELS[kind] ?? kind}</Tag>
      ))}
      {careGroups.map((kind) => (
        <Tag key={kind} color="cyan">{CARE_GROUP_KIND_LABELS[kind] ?? kind}</Tag>
      ))}
    </>
  );
}
