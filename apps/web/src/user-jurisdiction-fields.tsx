import { jurisdictionBindingOf, OPERATOR_LEVEL, REGION_LEVEL_LABELS, type StaffRole } from '@civicgrid/domain';
import { Form, InputNumber, Select } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { apiClient } from './api-client';
import type { GridMemberListItem } from './api-types';
import { RegionCascader } from './region-cascader';
import { useCurrentUser } from './session-context';
import { useErrorMessage } from './use-error-message';

export const GRID_CODE_PATTERN = /^(\d{15}|\d{17})$/;

/** The grid codes field of a grid worker: typed or pasted codes, each checked for its shape. */
export function GridCodesField() {
  return (
    <Form.Item
      name="gridCodes"
      label="负责网格"
      extra="输入15位网格编码（或17位微网格编码）后回车，可输入多个"
      rules={[
        { required: true, type: 'array', min: 1, message: '请至少填写一个网格编码' },
        {
          validator: (_rule, codes: string[] | undefined) => {
            const wrong = (codes ?? []).filter((code) => !GRID_CODE_PATTERN.test(code));
            return wrong.length === 0 ? Promise.resolve() : Promise.reject(new Error(`网格编码格式不正确：${wrong.join('、')}`));
          },
        },
      ]}
    >
      <Select mode="tags" tokenSeparators={[',', '，', ' ', '\n']} open={false} suffixIcon={null} placeholder="如 370303001001001" />
    </Form.Item>
  );
}

/** The grid worker's own grid member record, picked among the members of the grids entered above. */
function GridMemberField() {
  const reportError = useErrorMessage();
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
      .map((member) => ({ value: member.id, label: `${member.name}（${member.roleLabel}，${member.gridCode}）` }));
  }, [members]);

  return (
    <Form.Item
      name="gridMemberId"
      label="网格力量人员"
      extra="该账号对应的网格员本人，从所填网格的网格力量中选择"
      rules={[{ required: true, message: '请选择网格力量人员' }]}
    >
      <Select
        options={options}
        showSearch={{ optionFilterProp: 'label' }}
        placeholder={validCodes.length > 0 ? '请选择' : '请先填写负责网格'}
        disabled={validCodes.length === 0}
        notFoundContent="所填网格暂无网格力量"
      />
    </Form.Item>
  );
}

/** Where a new user may act, which depends on the role: a region, a department, or grids. */
export function UserJurisdictionFields({ role }: { role: StaffRole | undefined }) {
  const currentUser = useCurrentUser();
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
      <Form.Item name="departmentId" label="所属部门编号" rules={[{ required: true, message: '请填写所属部门编号' }]}>
        <InputNumber min={1} precision={0} style={{ width: '100%' }} placeholder="部门编号" />
      </Form.Item>
    );
  }
  const level = OPERATOR_LEVEL[role];
  const optional = binding === 'region_or_everywhere' && currentUser.jurisdiction.kind === 'everywhere';
  return (
    <Form.Item
      name="regionCode"
      label={level ? `管辖区划（${REGION_LEVEL_LABELS[level]}级）` : '管辖区划'}
      extra={optional ? '留空表示不限区划（全部范围）' : undefined}
      rules={optional ? [] : [{ required: true, message: '请选择管辖区划' }]}
    >
      {/* Remounted per level: which regions end the path depends on it. */}
      <RegionCascader key={level ?? 'any'} level={level} placeholder={level ? `请选择${REGION_LEVEL_LABELS[level]}` : '请选择区划'} />
    </Form.Item>
  );
}
