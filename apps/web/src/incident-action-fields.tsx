import { SATISFACTIONS, SUPERVISION_LEVELS, type IncidentAction } from '@civicgrid/domain';
import { Alert, DatePicker, Form, Radio, Select, Switch, type FormInstance } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useMemo } from 'react';
import type { IncidentDetail } from './api-types';
import { formatDateTime } from './format-date-time';
import { useI18n } from './i18n/i18n-context';
import { IncidentCategoryCascader } from './incident-category-cascader';
import { IncidentSearchSelect } from './incident-search-select';
import { FOLLOW_UP_METHODS } from './incident-side-panels';
import { useCurrentUser } from './session-context';
import { findSubcategory, useCenters, useDepartments, useIncidentCategories } from './use-incident-reference-data';
import { regionCodeOfUser } from './user-area';

/** The answer 无法联系 to a follow-up: sent as a null satisfaction. */
export const UNREACHABLE = 'unreachable';

const DATE_TIME_FORMAT = 'YYYY-MM-DD HH:mm';
const beforeToday = (day: Dayjs) => day.isBefore(dayjs().startOf('day'));

function DeadlinePicker({ id, value, onChange }: { id?: string; value?: Dayjs | null; onChange?: (value: Dayjs | null) => void }) {
  const { t } = useI18n();
  return (
    <DatePicker
      id={id}
      showTime={{ format: 'HH:mm' }}
      format={DATE_TIME_FORMAT}
      placeholder={t('incident.pickDateTime')}
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
  const { t } = useI18n();
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
      <Form.Item name="categoryId" label={t('incident.field.category')} rules={[{ required: incident.categoryId === null, message: t('incident.chooseCategory') }]}>
        <IncidentCategoryCascader
          onChange={(categoryId) => {
            const defaultDepartmentId = findSubcategory(categories, categoryId)?.category.defaultDepartmentId;
            if (defaultDepartmentId && departments.some((department) => department.id === defaultDepartmentId)) {
              form.setFieldValue('leadDepartmentId', defaultDepartmentId);
            }
          }}
        />
      </Form.Item>
      <Form.Item name="leadDepartmentId" label={t('incident.field.leadDepartment')} rules={[{ required: true, message: t('incident.chooseLead') }]}>
        <Select showSearch={{ optionFilterProp: 'label' }} options={options} placeholder={t('incident.leadPlaceholder')} data-testid="lead-department-select" />
      </Form.Item>
      <Form.Item name="assistingDepartmentIds" label={t('incident.field.assisting')}>
        <Select
          mode="multiple"
          showSearch={{ optionFilterProp: 'label' }}
          options={options.filter((option) => option.value !== lead)}
          placeholder={t('incident.assistingPlaceholder')}
        />
      </Form.Item>
      <Form.Item name="deadline" label={t('incident.field.handleDeadline')} extra={t('incident.handleDeadlineHint')}>
        <DeadlinePicker />
      </Form.Item>
    </>
  );
}

function ChildCenterField() {
  const user = useCurrentUser();
  const centers = useCenters();
  const { t } = useI18n();
  const regionCode = regionCodeOfUser(user);
  const own = centers.find((center) => center.regionCode === regionCode);
  const children = centers.filter((center) => own && center.parentCenterId === own.id);
  return (
    <Form.Item name="targetCenterId" label={t('incident.field.childCenter')} rules={[{ required: true, message: t('incident.chooseChildCenter') }]}>
      <Select
        options={children.map((center) => ({ value: center.id, label: center.name }))}
        placeholder={t('incident.childCenterPlaceholder')}
        notFoundContent={t('incident.noChildCenter')}
      />
    </Form.Item>
  );
}

/** The fields an action needs beyond the note and the photos; none for most. */
export function IncidentActionFields({ action, incident, form }: { action: IncidentAction; incident: IncidentDetail; form: FormInstance }) {
  const { t } = useI18n();
  switch (action) {
    case 'register':
      return (
        <>
          <Form.Item name="categoryId" label={t('incident.field.category')} extra={t('incident.registerCategoryHint')}>
            <IncidentCategoryCascader />
          </Form.Item>
          <Form.Item name="urgent" label={t('incident.urgent')} valuePropName="checked">
            <Switch />
          </Form.Item>
        </>
      );
    case 'dispatch':
      return <DepartmentFields form={form} incident={incident} />;
    case 'request_extension':
      return (
        <Form.Item name="requestedDeadline" label={t('incident.field.requestedDeadline')} rules={[{ required: true, message: t('incident.chooseExtension') }]}>
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
              title={t('incident.extensionRequested', { deadline: formatDateTime(incident.pendingExtension.requestedDeadline) })}
              description={t('incident.reason', { reason: incident.pendingExtension.reason })}
            />
          )}
          <Form.Item name="grantedDeadline" label={t('incident.field.grantedDeadline')} extra={t('incident.grantedDeadlineHint')}>
            <DeadlinePicker />
          </Form.Item>
        </>
      );
    case 'follow_up':
      return (
        <>
          <Form.Item name="satisfaction" label={t('incident.field.satisfaction')} rules={[{ required: true, message: t('incident.chooseFollowUp') }]}>
            <Radio.Group
              options={[
                ...SATISFACTIONS.map((satisfaction) => ({ value: satisfaction, label: t(`satisfaction.${satisfaction}`) })),
                { value: UNREACHABLE, label: t('incident.unreachable') },
              ]}
            />
          </Form.Item>
          <Form.Item name="method" label={t('incident.field.followUpMethod')}>
            <Radio.Group options={FOLLOW_UP_METHODS.map((method) => ({ value: method, label: t(`incident.followUpMethod.${method}`) }))} />
          </Form.Item>
        </>
      );
    case 'hand_down':
      return <ChildCenterField />;
    case 'merge':
      return (
        <Form.Item name="targetIncidentId" label={t('incident.field.mergeInto')} rules={[{ required: true, message: t('incident.chooseMergeTarget') }]} extra={t('incident.mergeHint')}>
          <IncidentSearchSelect incident={incident} />
        </Form.Item>
      );
    case 'supervise':
      return (
        <>
          <Form.Item name="supervisionLevel" label={t('incident.field.supervisionLevel')} rules={[{ required: true }]}>
            <Radio.Group options={SUPERVISION_LEVELS.map((level) => ({ value: level, label: t(`supervision.${level}`) }))} />
          </Form.Item>
          <Form.Item name="replyDeadline" label={t('incident.field.replyDeadline')}>
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
          title={incident.urgent ? t('incident.unflagUrgentHint') : t('incident.flagUrgentHint')}
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
