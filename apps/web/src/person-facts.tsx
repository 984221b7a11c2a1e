import { Card, Col, Flex, Row, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import type { RevealedPerson } from './api-types';
import { formatFieldValue } from './format-field-value';
import { useI18n, type Translate } from './i18n/i18n-context';
import { fieldApplies, PERSON_FIELD_GROUPS, useShownPersonField, type PersonField } from './person-field-groups';
import { AttentionTags, ResidencyTag } from './person-tags';
import type { PersonDetail } from './register-types';

const EMPTY = <Typography.Text type="secondary">—</Typography.Text>;

function sensitiveValue(t: Translate, masked: string | null, revealed: string | null | undefined, extra?: ReactNode) {
  const value = revealed === undefined ? masked : revealed;
  if (!value) return EMPTY;
  return (
    <Flex gap={6} align="center" wrap>
      <span className="monospace">{value}</span>
      {revealed !== undefined && <Tag color="orange">{t('person.revealedTag')}</Tag>}
      {extra}
    </Flex>
  );
}

function plainValue(field: PersonField, person: PersonDetail, t: Translate): ReactNode {
  const text = formatFieldValue(field, (person as unknown as Record<string, unknown>)[field.key], t);
  return text === '' ? EMPTY : text;
}

/** One field's value on the page: the masked or revealed original of a sensitive field, tags for the coded ones. */
function fieldValue(field: PersonField, person: PersonDetail, revealed: RevealedPerson | null, t: Translate): ReactNode {
  switch (field.key) {
    case 'idNumber':
      return sensitiveValue(t, person.idNumberMasked, revealed?.idNumber, person.idNumberLegacy && <Tag color="gold">{t('person.legacyId')}</Tag>);
    case 'mobile':
      return sensitiveValue(t, person.mobileMasked, revealed?.mobile);
    case 'residency':
      return <ResidencyTag residency={person.residency} />;
    case 'attentionLevel':
      return <AttentionTags level={person.attentionLevel} underAttention={false} always />;
    case 'gridCode':
      return person.gridCode ? (
        <span>
          {[person.communityName, person.gridName].filter(Boolean).join(' ') || null}{' '}
          <Typography.Text type="secondary" className="monospace">{String(person.gridCode)}</Typography.Text>
        </span>
      ) : EMPTY;
    case 'nationality':
      return person.nationality === 'CHN' ? t('person.china') : plainValue(field, person, t);
    default:
      return plainValue(field, person, t);
  }
}

interface PersonFactsProps {
  person: PersonDetail;
  revealed: RevealedPerson | null;
}

/** The person's record, grouped as the register groups it: 基本信息, 户籍与居住, 网格与户, 关注与核实. */
export function PersonFacts({ person, revealed }: PersonFactsProps) {
  const { t } = useI18n();
  const personField = useShownPersonField();
  return (
    <Flex vertical gap={16} data-testid="person-facts">
      {PERSON_FIELD_GROUPS.map((group) => {
        const keys = group.keys.filter(
          (key) => fieldApplies(key, person) && (person.deregisteredOn || (key !== 'deregisteredOn' && key !== 'deregistrationReason')),
        );
        return (
          <Card key={group.title} size="small" title={t(group.title)}>
            {/* A grid rather than Descriptions, so that the four cards line up their columns. */}
            <Row gutter={[24, 10]}>
              {keys.map((key) => {
                const field = personField(key)!;
                return (
                  <Col key={key} span={(field.max ?? 0) >= 100 ? 24 : 12}>
                    <Flex gap={8}>
                      <Typography.Text type="secondary" style={{ flex: 'none', width: 100 }}>
                        {field.header}
                      </Typography.Text>
                      <span data-field={key} style={{ minWidth: 0, wordBreak: 'break-all' }}>
                        {fieldValue(field, person, revealed, t)}
                      </span>
                    </Flex>
                  </Col>
                );
              })}
            </Row>
          </Card>
        );
      })}
    </Flex>
  );
}
