import { DeleteOutlined, EditOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Col, DatePicker, Drawer, Flex, Form, Input, Modal, Row, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { ChangeTimeline } from './change-timeline';
import { formatFieldValue } from './format-field-value';
import { useI18n } from './i18n/i18n-context';
import { recordApi } from './record-api';
import { recordFieldGroups, type RecordRegisterView } from './record-registers';
import { fieldHeaderKey } from './register-field-text';
import type { FieldChangeView, RecordChangeView, RecordView } from './register-types';
import { errorMessageOf, useErrorMessage } from './use-error-message';
import { useShownFields } from './use-shown-fields';

interface DeregisterValues {
  date: Dayjs;
  reason: string;
}

/** 注销 a record: it stays in the register, marked, with the date and the reason. */
function DeregisterModal({ register, record, open, onClose, onDone }: {
  register: RecordRegisterView; record: RecordView; open: boolean; onClose: () => void; onDone: (record: RecordView) => void;
}) {
  const [form] = Form.useForm<DeregisterValues>();
  const { t } = useI18n();
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const submit = async (values: DeregisterValues) => {
    setSaving(true);
    setProblem(null);
    try {
      onDone(await recordApi(register.apiPath).update(record.id, record.version, {
        deregisteredOn: values.date.format('YYYY-MM-DD'), deregistrationReason: values.reason.trim(),
      }));
    } catch (error) {
      setProblem(errorMessageOf(error));
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal
      open={open}
      title={t('record.deregisterTitle', { noun: t(`record.noun.${register.name}`) })}
      okText={t('register.deregister')}
      okButtonProps={{ danger: true }} onOk={() => form.submit()} onCancel={onClose} confirmLoading={saving} destroyOnHidden>
      <Form form={form} layout="vertical" onFinish={submit} initialValues={{ date: dayjs() }}>
        <Form.Item name="date" label={t('register.deregisteredOn')} rules={[{ required: true, message: t('register.chooseDeregistrationDate') }]}>
          <DatePicker style={{ width: '100%' }} disabledDate={(day) => day.isAfter(dayjs(), 'day')} />
        </Form.Item>
        <Form.Item
          name="reason"
          label={t('register.deregistrationReason')}
          rules={[{ required: true, whitespace: true, message: t('register.fillDeregistrationReason') }, { max: 200 }]}
        >
          <Input.TextArea rows={3} maxLength={200} showCount placeholder={t('record.deregisterPlaceholder')} />
        </Form.Item>
      </Form>
      {problem && <Alert type="error" showIcon title={problem} />}
    </Modal>
  );
}

interface RecordDetailDrawerProps {
  register: RecordRegisterView;
  /** The record chosen in the list; the drawer reads it afresh. */
  recordId: number | null;
  onClose: () => void;
  onEdit: (record: RecordView) => void;
  /** The record changed (deregistered): the list shows it anew. */
  onChanged: () => void;
  /** Bumped by the list after an edit, so that the drawer reads the record and its history again. */
  reloads: number;
}

/** One record of a register: its fields by group, what the reader may do with it, and its change history. */
export function RecordDetailDrawer({ register, recordId, onClose, onEdit, onChanged, reloads }: RecordDetailDrawerProps) {
  const { message } = App.useApp();
  const reportError = useErrorMessage();
  const { t, lookup } = useI18n();
  const noun = t(`record.noun.${register.name}`);
  const fields = useShownFields(register.name, register.fields);
  const [record, setRecord] = useState<RecordView | null>(null);
  const [history, setHistory] = useState<RecordChangeView[] | null>(null);
  const [deregistering, setDeregistering] = useState(false);
  const [ownReloads, setOwnReloads] = useState(0);

  useEffect(() => {
    setRecord(null);
    setHistory(null);
    if (recordId === null) return;
    const controller = new AbortController();
    const api = recordApi(register.apiPath);
    api.get(recordId, controller.signal).then(setRecord).catch(reportError);
    api.history(recordId, controller.signal).then(setHistory).catch(reportError);
    return () => controller.abort();
  }, [register, recordId, reloads, ownReloads, reportError]);

  const fieldOf = (key: string) => fields.find((field) => field.key === key);
  const shownHeader = (change: FieldChangeView) => lookup(fieldHeaderKey(register.name, change.field), change.header);
  const shownValue = (field: string, value: unknown) => formatFieldValue(fieldOf(field), value, t);

  return (
    <Drawer
      open={recordId !== null}
      onClose={onClose}
      size={640}
      title={record ? String(record[register.titleKey] ?? record.id) : t('record.detailTitle', { noun })}
      extra={
        record && (
          <Flex gap={8}>
            {record.actions.includes('deregister') && (
              <Button danger icon={<DeleteOutlined />} onClick={() => setDeregistering(true)}>
                {t('register.deregister')}
              </Button>
            )}
            {record.actions.includes('edit') && (
              <Button type="primary" icon={<EditOutlined />} onClick={() => onEdit(record)}>
                {t('common.edit')}
              </Button>
            )}
          </Flex>
        )
      }
      data-testid="record-detail"
    >
      {record && (
        <Flex vertical gap={16}>
          {record.deregisteredOn ? (
            <Alert
              type="warning"
              showIcon
              title={t('record.deregisteredOn', { date: String(record.deregisteredOn), reason: String(record.deregistrationReason ?? '') })}
            />
          ) : null}
          {recordFieldGroups(fields, false).map((group) => (
            <Card key={group.group} size="small" title={t(`record.fieldGroup.${group.group}`, { noun })}>
              <Row gutter={[16, 8]}>
                {group.fields.map((field) => (
                  <Col key={field.key} span={(field.max ?? 0) >= 100 || field.key === 'gridCode' ? 24 : 12}>
                    <Flex gap={8}>
                      <Typography.Text type="secondary" style={{ flex: 'none', width: 112 }}>{field.header}</Typography.Text>
                      <span style={{ minWidth: 0, wordBreak: 'break-all' }}>
                        {field.key === 'gridCode' && record.gridName
                          ? t('record.gridWithCode', { name: record.gridName, code: String(record.gridCode) })
                          : formatFieldValue(field, record[field.key], t) || '—'}
                      </span>
                    </Flex>
                  </Col>
                ))}
              </Row>
            </Card>
          ))}
          <ChangeTimeline entries={history} shownHeader={shownHeader} shownValue={shownValue} />
          <DeregisterModal
            register={register}
            record={record}
            open={deregistering}
            onClose={() => setDeregistering(false)}
            onDone={() => {
              message.success(t('record.deregistered', { noun }));
              setDeregistering(false);
              setOwnReloads((count) => count + 1);
              onChanged();
            }}
          />
        </Flex>
      )}
    </Drawer>
  );
}
