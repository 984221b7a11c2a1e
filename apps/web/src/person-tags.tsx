import type { CareGroupKind, Residency, SpecialGroupKind } from '@civicgrid/domain';
import { Tag } from 'antd';
import { useI18n } from './i18n/i18n-context';

/** The 关注程度 a register record takes (ATTENTION_LEVEL_LABELS), named in the catalog as `attentionLevel.<level>`. */
export const ATTENTION_LEVELS = [1, 2, 3] as const;

const RESIDENCY_COLOURS: Record<Residency, string> = { registered: 'blue', floating: 'orange', foreign: 'purple' };
const ATTENTION_COLOURS: Record<number, string> = { 1: 'blue', 2: 'gold', 3: 'volcano' };

export function ResidencyTag({ residency }: { residency: Residency }) {
  const { lookup } = useI18n();
  return <Tag color={RESIDENCY_COLOURS[residency]}>{lookup(`residency.${residency}`, residency)}</Tag>;
}

/** 重点关注, and the 关注程度 above the ordinary 一般 (`always`: 一般 as well). */
export function AttentionTags({ level, underAttention, always = false }: { level: number; underAttention: boolean; always?: boolean }) {
  const { t, lookup } = useI18n();
  const label = lookup(`attentionLevel.${level}`, '');
  return (
    <>
      {underAttention && <Tag color="red">{t('person.underAttention')}</Tag>}
      {label && (level > 1 || always) && <Tag color={ATTENTION_COLOURS[level]}>{label}</Tag>}
    </>
  );
}

export function LeftBehindTag() {
  const { t } = useI18n();
  return <Tag color="purple">{t('person.leftBehind')}</Tag>;
}

export function DeregisteredTag() {
  const { t } = useI18n();
  return <Tag>{t('register.deregisteredTag')}</Tag>;
}

/** The person's special groups (listed only for readers who may see them) and care groups. */
export function GroupTags({ specialGroups = [], careGroups = [] }: { specialGroups?: SpecialGroupKind[]; careGroups?: CareGroupKind[] }) {
  const { lookup } = useI18n();
  return (
    <>
      {specialGroups.map((kind) => (
        <Tag key={kind} color="volcano">{lookup(`specialGroup.${kind}`, kind)}</Tag>
      ))}
      {careGroups.map((kind) => (
        <Tag key={kind} color="cyan">{lookup(`careGroup.${kind}`, kind)}</Tag>
      ))}
    </>
  );
}
