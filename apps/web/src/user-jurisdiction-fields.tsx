import { jurisdictionBindingOf, OPERATOR_LEVEL, type StaffRole } from '@civicgrid/domain';
import { Form, InputNumber, Select } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { apiClient } from './api-client';
import type { GridMemberListItem } from './api-types';
import { useI18n } from './i18n/i18n-context';
import { RegionCascader } from './region-cascader';
import { useCurrentUser } from './session-context';
import { useErrorMessage } from './use-error-message';

export const GRID_CODE_PATTERN = /^(\d{15}|\d{17})$/;

/** The grid codes field of a grid worker: typed or pasted codes, each checked for its shape. */
export function GridCodesField() {
  const { t } = useI18n();
  return (
    <Form.Item
      name="gridCodes"
      label={t('users.gridCodes')}
      extra={t('users.gridCodesHint')}
      rules={[
        { required: true, type: 'array', min: 1, message: t('users.gridCodesRequired') },
        {
          validator: (_rule, codes: string[] | undefined) => {
            const wrong = (codes ?? []).filter((code) => !GRID_CODE_PATTERN.test(code));
            return wrong.length === 0
              ? Promise.resolve()
              : Promise.reject(new Error(t('users.gridCodesInvalid', { codes: wrong.join(t('common.enumerationSeparator')) })));
          },
        },
      ]}
    >
      <Select mode="tags" tokenSeparators={[',', '，', ' ', '\n']} open={false} suffixIcon={null} placeholder={t('users.gridCodesPlaceholder')} />
    </Form.Item>
  );
}

/** The grid worker's own grid member record, picked among the members of the grids entered above. */
function GridMemberField() {
  const reportError = useErrorMessage();
  const { t, lookup } = useI18n();
  const gridCodes = Form.useWatch<string[] | undefined>('gridCodes');
  const validCodes = useMemo(() => (gridCodes ?? []).filter((code) => GRID_CODE_PATTERN.test(code)), [gridCodes]);
  const codesKey = validCodes.join(',');
  const [members, setMembers] = useState<GridMemberListItem[]>([]);

  useEffect(() => {
    if (!codesKey) {
      setMembers([]);
      return;
    }
    const controller = new AbortController();
    Promise.all(codesKey.split(',').map((code) => apiClient.listGridMembers(code, controller.signal)))
      .then((lists) => setMembers(lists.flat()))
      .catch(reportError);
    return () => controller.abort();
  }, [codesKey, reportError]);

  const options = useMemo(() => {
    const seen = new Set<number>();
    return members
      .filter((member) => !seen.has(member.id) && seen.add(member.id))
      .map((member) => ({
        value: member.id,
        label: t('users.gridMemberOption', { name: member.name, role: lookup(`gridMemberRole.${member.role}`, member.roleLabel), grid: member.gridCode }),
      }));
  }, [members, t, lookup]);

  return (
    <Form.Item
      name="gridMemberId"
      label={t('users.gridMember')}
      extra={t('users.gridMemberHint')}
      rules={[{ required: true, message: t('users.gridMemberRequired') }]}
    >
      <Select
        options={options}
        showSearch={{ optionFilterProp: 'label' }}
        placeholder={validCodes.length > 0 ? t('common.choose') : t('users.gridCodesFirst')}
        disabled={validCodes.length === 0}
        notFoundContent={t('users.noGridMembers')}
      />
    </Form.Item>
  );
}

/** Where a new user may act, which depends on the role: a region, a department, or grids. */
export function UserJurisdictionFields({ role }: { role: StaffRole | undefined }) {
  const currentUser = useCurrentUser();
  const { t } = useI18n();
  if (!role) return null;
  const binding = jurisdictionBindingOf(role);
  if (binding === 'grids') {
    return (
      <>
        <GridCodesField />
        <GridMemberField />
      </>
    );
  }
  if (binding === 'department') {
    return (
      <Form.Item name="departmentId" label={t('users.departmentId')} rules={[{ required: true, message: t('users.departmentIdRequired') }]}>
        <InputNumber min={1} precision={0} style={{ width: '100%' }} placeholder={t('users.departmentIdPlaceholder')} />
      </Form.Item>
    );
  }
  const level = OPERATOR_LEVEL[role];
  const optional = binding === 'region_or_everywhere' && currentUser.jurisdiction.kind === 'everywhere';
  return (
    <Form.Item
      name="regionCode"
      label={level ? t(`users.region.${level}`) : t('users.region')}
      extra={optional ? t('users.regionOptional') : undefined}
      rules={optional ? [] : [{ required: true, message: t('users.regionRequired') }]}
    >
      {/* Remounted per level: which regions end the path depends on it. */}
      <RegionCascader key={level ?? 'any'} level={level} placeholder={level ? t(`users.chooseRegion.${level}`) : t('region.choose')} />
    </Form.Item>
  );
}
