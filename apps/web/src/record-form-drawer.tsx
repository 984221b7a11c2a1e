import { parseRecordValues } from '@civicgrid/domain';
import { Alert, App, Button, Col, Drawer, Flex, Form, Row, Typography } from 'antd';
import { useState } from 'react';
import { ApiError } from './api-client';
import { useI18n } from './i18n/i18n-context';
import { recordApi } from './record-api';
import { recordFieldGroups, type RecordRegisterView } from './record-registers';
import { RegisterFieldItem } from './register-field-item';
import {
  changedValuesOf, fieldProblemOf, formValuesOf, requestValuesOf, serverFieldProblems, type FieldProblem, type RegisterFormValues,
} from './register-form-values';
import type { RecordView } from './register-types';
import { errorMessageOf } from './use-error-message';
import { useShownFields } from './use-shown-fields';

interface RecordFormDrawerProps {
  register: RecordRegisterView;
  open: boolean;
  /** The record edited; none to register a new one. */
  record: RecordView | null;
  onClose: () => void;
  onSaved: (record: RecordView) => void;
}

/** 新增 / 编辑 a record of a register, made from its field table; the domain's rules first, then the server's, each under its field. */
export function RecordFormDrawer({ register, open, record, onClose, onSaved }: RecordFormDrawerProps) {
  const { message } = App.useApp();
  const [form] = Form.useForm<RegisterFormValues>();
  const { t } = useI18n();
  const noun = t(`record.noun.${register.name}`);
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const shownFields = useShownFields(register.name, register.fields);
  // The domain's rules name fields by the table's own headers; the form shows them in the console's language.
  const fields = recordFieldGroups(register.fields, false).flatMap((group) => group.fields);
  const groups = recordFieldGroups(shownFields, false);

  const showProblems = (problems: FieldProblem[]) => {
    const byField = new Map<string, string[]>();
    for (const { field, message: text } of problems) byField.set(field, [...(byField.get(field) ?? []), text]);
    form.setFields([...byField].map(([name, errors]) => ({ name, errors })));
    if (problems[0]) form.scrollToField(problems[0].field, { block: 'center' });
  };

  const submit = async (values: RegisterFormValues) => {
    setProblem(null);
    const all = requestValuesOf(fields, values);
    const local = parseRecordValues(fields, all);
    if ('errors' in local) {
      showProblems(local.errors.map((error) => fieldProblemOf(fields, error)));
      return;
    }
    const changes = record ? changedValuesOf(fields, requestValuesOf(fields, formValuesOf(fields, record)), all) : all;
    if (record && Object.keys(changes).length === 0) {
      message.info(t('common.noChanges'));
      onClose();
      return;
    }
    setSaving(true);
    try {
      const api = recordApi(register.apiPath);
      const saved = record ? await api.update(record.id, record.version, changes) : await api.create(all);
      message.success(record ? t('record.saved', { noun }) : t('record.created', { noun }));
      onSaved(saved);
    } catch (error) {
      const taken = error instanceof ApiError && register.unique && error.code === register.unique.errorCode;
      const problems = taken && register.unique ? [{ field: register.unique.key, message: errorMessageOf(error) }] : serverFieldProblems(fields, error);
      if (problems.length > 0) showProblems(problems);
      else if (error instanceof ApiError && error.code.endsWith('.version_conflict')) setProblem(t('record.versionConflict'));
      else setProblem(errorMessageOf(error));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Drawer
      open={open}
      onClose={onClose}
      title={record ? t('record.editTitle', { noun, title: String(record[register.titleKey] ?? record.id) }) : t('record.new', { noun })}
      size={720}
      destroyOnHidden
      afterOpenChange={(opened) => opened || setProblem(null)}
      extra={
        <Flex gap={8}>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={saving} onClick={() => form.submit()} data-testid="record-form-save">
            {t('common.save')}
          </Button>
        </Flex>
      }
    >
      {problem && <Alert type="error" showIcon title={problem} style={{ marginBottom: 16 }} />}
      <Form
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={record ? formValuesOf(fields, record) : { attentionLevel: '1', dataSource: 'entered' }}
        scrollToFirstError={{ block: 'center' }}
        data-testid="record-form"
      >
        {groups.map((group) => (
          <section key={group.group}>
            <Typography.Title level={5} style={{ margin: '4px 0 12px' }}>
              {t(`record.fieldGroup.${group.group}`, { noun })}
            </Typography.Title>
            <Row gutter={16}>
              {group.fields.map((field) => (
                <Col key={field.key} span={(field.max ?? 0) >= 200 ? 24 : 12}>
                  <RegisterFieldItem field={field} />
                </Col>
              ))}
            </Row>
          </section>
        ))}
      </Form>
    </Drawer>
  );
}
