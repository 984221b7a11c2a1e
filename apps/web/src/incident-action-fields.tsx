import { SUPERVISION_LEVEL_LABELS, SUPERVISION_LEVELS, type IncidentAction } from '@civicgrid/domain';
import { Alert, DatePicker, Form, Radio, Select, Switch, type FormInstance } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useMemo } from 'react';
import type { IncidentDetail } from './api-types';
import { formatDateTime } from './format-date-time';
import { IncidentCategoryCascader } from './incident-category-cascader';
import { IncidentSearchSelect } from './incident-search-select';
import { FOLLOW_UP_METHOD_LABELS } from './incident-side-panels';
import { useCurrentUser } from './session-context';
import { findSubcategory, useCenters, useDepartments, useIncidentCategories } from './use-incident-reference-data';
import { regionCodeOfUser } from './user-area';

/** The answer 无法联系 to a follow-up: sent as a null satisfaction. */
export const UNREACHABLE = 'unreachable';

const DATE_TIME_FORMAT = 'YYYY-MM-DD HH:mm';
const beforeToday = (day: Dayjs) => day.isBefore(dayjs().startOf('day'));

function DeadlinePicker({ id, value, onChange }: { id?: string; value?: Dayjs | null; onChange?: (value: Dayjs | null) => void }) {
  return (
    <DatePicker
      id={id}
      showTime={{ format: 'HH:mm' }}
      format={DATE_TIME_FORMAT}
      placeholder="选择日期和时间"
      disabledDate={beforeToday}
      value={value}
      onChange={onChange}
      style={{ width: '100%' }}
    />
  );
}

function DepartmentFields({ form, incident }: { form: FormInstance; incident: IncidentDetail }) {
  const departments = useDepartments();
  const categories = useIncidentCategories();
  const options = useMemo(
    () => departments.map((department) => ({ value: department.id, label: department.name, title: department.regionName })),
    [departments],
  );
  const lead = Form.useWatch<number | undefined>('leadDepartmentId', form);

  // The category's default department is the first choice, once both lists are in.
  useEffect(() => {
    if (form.getFieldValue('leadDepartmentId') !== undefined) return;
    const defaultDepartmentId = findSubcategory(categories, form.getFieldValue('categoryId'))?.category.defaultDepartmentId;
    if (defaultDepartmentId && departments.some((department) => department.id === defaultDepartmentId)) {
      form.setFieldValue('leadDepartmentId', defaultDepartmentId);
    }
  }, [form, categories, departments]);

  return (
    <>
      <Form.Item name="categoryId" label="事件分类" rules={[{ required: incident.categoryId === null, message: '请选择事件分类' }]}>
        <IncidentCategoryCascader
          onChange={(categoryId) => {
            const defaultDepartmentId = findSubcategory(categories, categoryId)?.category.defaultDepartmentId;
            if (defaultDepartmentId && departments.some((department) => department.id === defaultDepartmentId)) {
              form.setFieldValue('leadDepartmentId', defaultDepartmentId);
            }
          }}
        />
      </Form.Item>
      <Form.Item name="leadDepartmentId" label="主办部门" rules={[{ required: true, message: '请选择主办部门' }]}>
        <Select showSearch={{ optionFilterProp: 'label' }} options={options} placeholder="选择主办部门" data-testid="lead-department-select" />
      </Form.Item>
      <Form.Item name="assistingDepartmentIds" label="协办部门">
        <Select
          mode="multiple"
          showSearch={{ optionFilterProp: 'label' }}
          options={options.filter((option) => option.value !== lead)}
          placeholder="可选，吹哨报到"
        />
      </Form.Item>
      <Form.Item name="deadline" label="处置时限" extra="不填则按事件分类的处置时限计算">
        <DeadlinePicker />
      </Form.Item>
    </>
  );
}

function ChildCenterField() {
  const user = useCurrentUser();
  const centers = useCenters();
  const regionCode = regionCodeOfUser(user);
  const own = centers.find((center) => center.regionCode === regionCode);
  const children = centers.filter((center) => own && center.parentCenterId === own.id);
  return (
    <Form.Item name="targetCenterId" label="下级中心" rules={[{ required: true, message: '请选择下级中心' }]}>
      <Select
        options={children.map((center) => ({ value: center.id, label: center.name }))}
        placeholder="选择承办的下级中心"
        notFoundContent="没有下级中心"
      />
    </Form.Item>
  );
}

/** The fields an action needs beyond the note and the photos; none for most. */
export function IncidentActionFields({ action, incident, form }: { action: IncidentAction; incident: IncidentDetail; form: FormInstance }) {
  switch (action) {
    case 'register':
      return (
        <>
          <Form.Item name="categoryId" label="事件分类" extra="立案时确定分类，派遣时据此带出主办部门和处置时限">
            <IncidentCategoryCascader />
          </Form.Item>
          <Form.Item name="urgent" label="紧急" valuePropName="checked">
            <Switch />
          </Form.Item>
        </>
      );
    case 'dispatch':
      return <DepartmentFields form={form} incident={incident} />;
    case 'request_extension':
      return (
        <Form.Item name="requestedDeadline" label="申请延期至" rules={[{ required: true, message: '请选择延期后的时限' }]}>
          <DeadlinePicker />
        </Form.Item>
      );
    case 'approve_extension':
      return (
        <>
          {incident.pendingExtension && (
            <Alert
              type="info"
              showIcon
              style={{ marginBottom: 16 }}
              title={`申请延期至 ${formatDateTime(incident.pendingExtension.requestedDeadline)}`}
              description={`理由：${incident.pendingExtension.reason}`}
            />
          )}
          <Form.Item name="grantedDeadline" label="批准时限" extra="不填则按申请的时限">
            <DeadlinePicker />
          </Form.Item>
        </>
      );
    case 'follow_up':
      return (
        <>
          <Form.Item name="satisfaction" label="满意度" rules={[{ required: true, message: '请选择回访结果' }]}>
            <Radio.Group
              options={[
                { value: 'satisfied', label: '满意' },
                { value: 'basically', label: '基本满意' },
                { value: 'not', label: '不满意' },
                { value: UNREACHABLE, label: '无法联系' },
              ]}
            />
          </Form.Item>
          <Form.Item name="method" label="回访方式">
            <Radio.Group options={Object.entries(FOLLOW_UP_METHOD_LABELS).map(([value, label]) => ({ value, label }))} />
          </Form.Item>
        </>
      );
    case 'hand_down':
      return <ChildCenterField />;
    case 'merge':
      return (
        <Form.Item name="targetIncidentId" label="合并到" rules={[{ required: true, message: '请选择保留的事件' }]} extra="本事件将作废并并入所选事件">
          <IncidentSearchSelect incident={incident} />
        </Form.Item>
      );
    case 'supervise':
      return (
        <>
          <Form.Item name="supervisionLevel" label="督办级别" rules={[{ required: true }]}>
            <Radio.Group options={SUPERVISION_LEVELS.map((level) => ({ value: level, label: SUPERVISION_LEVEL_LABELS[level] }))} />
          </Form.Item>
          <Form.Item name="replyDeadline" label="回复时限">
            <DeadlinePicker />
          </Form.Item>
        </>
      );
    case 'flag_urgent':
      return (
        <Alert
          type={incident.urgent ? 'info' : 'warning'}
          showIcon
          style={{ marginBottom: 16 }}
          title={incident.urgent ? '取消此事件的紧急标记' : '将此事件标记为紧急，列表中优先显示'}
        />
      );
    default:
      return null;
  }
}

/** The fields' starting values: the incident's own category, urgency, the requested extension … */
export function initialActionValues(action: IncidentAction, incident: IncidentDetail): Record<string, unknown> {
  switch (action) {
    case 'register':
      return { categoryId: incident.categoryId ?? undefined, urgent: incident.urgent };
    case 'dispatch':
      return { categoryId: incident.categoryId ?? undefined, assistingDepartmentIds: [] };
    case 'approve_extension':
      return { grantedDeadline: incident.pendingExtension ? dayjs(incident.pendingExtension.requestedDeadline) : undefined };
    case 'follow_up':
      return { method: 'phone' };
    case 'supervise':
      return { supervisionLevel: 'ordinary' };
    default:
      return {};
  }
}
