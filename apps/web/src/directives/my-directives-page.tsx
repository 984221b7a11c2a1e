import type { MyDirectiveTarget } from '@civicgrid/domain';
import { App, Button, Card, Empty, Flex, Form, Input, Modal, Spin, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { MY_DIRECTIVES_ROUTE } from '../app-routes';
import { newClientId } from '../client-id';
import { formatDateTime } from '../format-date-time';
import { useI18n } from '../i18n/i18n-context';
import { PageFrame } from '../page-frame';
import { useErrorMessage } from '../use-error-message';
import { directiveApi } from './directive-api';
import { DirectiveKindTag } from './directive-tags';

function CompleteModal({ target, onClose, onDone }: { target: MyDirectiveTarget; onClose: () => void; onDone: (target: MyDirectiveTarget) => void }) {
  const { t } = useI18n();
  const reportError = useErrorMessage();
  const [form] = Form.useForm<{ note?: string }>();
  const [clientId] = useState(newClientId);
  const [saving, setSaving] = useState(false);
  const submit = async () => {
    const { note } = await form.validateFields();
    setSaving(true);
    try {
      onDone(await directiveApi.complete(target.directiveId, target.targetId, { note: note?.trim() || undefined, clientId }));
    } catch (error) {
      reportError(error);
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal open title={`${t('directive.mine.complete')}：${target.title}`} okText={t('directive.mine.complete')} cancelText={t('common.cancel')}
      confirmLoading={saving} onOk={() => void submit().catch(() => undefined)} onCancel={onClose} destroyOnHidden>
      <Form form={form} layout="vertical" data-testid="directive-complete-form">
        <Form.Item name="note" label={t('directive.mine.note')} rules={[{ max: 2000 }]}>
          <Input.TextArea rows={4} maxLength={2000} placeholder={t('directive.mine.notePlaceholder')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function TargetCard({ target, onComplete }: { target: MyDirectiveTarget; onComplete: () => void }) {
  const { t } = useI18n();
  const done = target.state === 'completed';
  const overdue = !done && target.dueAt !== null && Date.parse(target.dueAt) < Date.now();
  return (
    <Card size="small" data-testid="my-directive" data-directive-id={target.directiveId}>
      <Flex justify="space-between" gap={16} align="start">
        <Flex vertical gap={6} style={{ minWidth: 0 }}>
          <Flex gap={8} align="center" wrap>
            <Typography.Text strong style={{ fontSize: 16 }}>{target.title}</Typography.Text>
            <DirectiveKindTag kind={target.kind} />
            {done ? <Tag color="success">{t('directive.mine.completed')}</Tag> : overdue ? <Tag color="error">{t('directive.overdue')}</Tag> : null}
          </Flex>
          <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }}>{target.content}</Typography.Paragraph>
          <Typography.Text type="secondary" style={{ fontSize: 13 }}>
            {target.gridName} · {target.issuedByName ?? '—'} · {done ? t('directive.mine.completedAt', { time: formatDateTime(target.completedAt) }) : t('directive.mine.due', { time: formatDateTime(target.dueAt) })}
          </Typography.Text>
          {done && target.note && <Typography.Text>{t('directive.mine.note')}：{target.note}</Typography.Text>}
        </Flex>
        {!done && <Button type="primary" onClick={onComplete}>{t('directive.mine.complete')}</Button>}
      </Flex>
    </Card>
  );
}

/** 我的指令: a grid worker's tasks from directives, open ones first, each completed with a note. */
export function MyDirectivesPage() {
  const { t, routeLabel } = useI18n();
  const { message } = App.useApp();
  const reportError = useErrorMessage();
  const [targets, setTargets] = useState<MyDirectiveTarget[] | null>(null);
  const [completing, setCompleting] = useState<MyDirectiveTarget | null>(null);
  const [reloads, setReloads] = useState(0);

  useEffect(() => {
    const controller = new AbortController();
    directiveApi.mine(controller.signal).then(setTargets).catch((error: unknown) => {
      if (!controller.signal.aborted) reportError(error);
    });
    return () => controller.abort();
  }, [reloads, reportError]);

  return (
    <PageFrame trail={[{ title: routeLabel(MY_DIRECTIVES_ROUTE) }]} title={t('directive.mine.title')} description={t('directive.mine.description')}>
      {!targets ? <Flex justify="center" style={{ padding: 64 }}><Spin size="large" /></Flex>
        : targets.length === 0 ? <Card><Empty description={t('directive.mine.empty')} /></Card>
          : (
            <Flex vertical gap={12} data-testid="my-directives">
              {targets.map((target) => <TargetCard key={target.targetId} target={target} onComplete={() => setCompleting(target)} />)}
            </Flex>
          )}
      {completing && (
        <CompleteModal
          target={completing}
          onClose={() => setCompleting(null)}
          onDone={() => {
            setCompleting(null);
            message.success(t('directive.mine.done'));
            setReloads((count) => count + 1);
          }}
        />
      )}
    </PageFrame>
  );
}
