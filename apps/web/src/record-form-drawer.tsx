import { parseRecordValues } from '@civicgrid/domain';
import { Alert, App, Button, Col, Drawer, Flex, Form, Row, Typography } from 'antd';
import { useState } from 'react';
import { ApiError } from './api-client';
import { recordApi } from './record-api';
import { recordFieldGroups, type RecordRegisterView } from './record-registers';
import { RegisterFieldItem } from './register-field-item';
import {
  changedValuesOf, formValuesOf, requestValuesOf, serverFieldProblems, withoutHeader, type FieldProblem, type RegisterFormValues,
} from './register-form-values';
import type { RecordView } from './register-types';
import { errorMessageOf } from './use-error-message';

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
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const groups = recordFieldGroups(register, false);
  const fields = groups.flatMap((group) => group.fields);

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
      showProblems(local.errors.map((error) => ({ field: error.field, message: withoutHeader(fields, error.field, error.zh) })));
      return;
    }
    const changes = record ? changedValuesOf(fields, requestValuesOf(fields, formValuesOf(fields, record)), all) : all;
    if (record && Object.keys(changes).length === 0) {
      message.info('没有修改');
      onClose();
      return;
    }
    setSaving(true);
    try {
      const api = recordApi(register.apiPath);
      const saved = record ? await api.update(record.id, record.version, changes) : await api.create(all);
      message.success(record ? `已保存${register.noun}信息` : `已登记${register.noun}`);
      onSaved(saved);
    } catch (error) {
      const taken = error instanceof ApiError && register.unique && error.code === register.unique.errorCode;
      const problems = taken && register.unique ? [{ field: register.unique.key, message: errorMessageOf(error) }] : serverFieldProblems(fields, error);
      if (problems.length > 0) showProblems(problems);
      else if (error instanceof ApiError && error.code.endsWith('.version_conflict')) setProblem('该记录刚被他人修改，请关闭后刷新，在最新信息上重新修改');
      else setProblem(errorMessageOf(error));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Drawer
      open={open}
      onClose={onClose}
      title={record ? `编辑${register.noun}：${String(record[register.titleKey] ?? record.id)}` : `新增${register.noun}`}
      size={720}
      destroyOnHidden
      afterOpenChange={(opened) => opened || setProblem(null)}
      extra={
        <Flex gap={8}>
          <Button onClick={onClose}>取消</Button>
          <Button type="primary" loading={saving} onClick={() => form.submit()} data-testid="record-form-save">
            保存
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
          <section key={group.title}>
            <Typography.Title level={5} style={{ margin: '4px 0 12px' }}>
              {group.title}
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
