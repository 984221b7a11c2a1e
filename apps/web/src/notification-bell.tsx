import { BellOutlined } from '@ant-design/icons';
import { Badge, Button, Empty, Flex, Popover, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import type { NotificationView, NotificationList } from './api-types';
import { navigate } from './app-location';
import { incidentPath } from './app-routes';
import { formatDateTime } from './format-date-time';
import { useI18n } from './i18n/i18n-context';
import { notificationApi } from './incident-api';
import { notificationTitle } from './notification-title';
import { useErrorMessage } from './use-error-message';

const POLL_INTERVAL_MS = 30_000;
const LIST_LIMIT = 20;

function NotificationRow({ item, onOpen }: { item: NotificationView; onOpen: (item: NotificationView) => void }) {
  const { t } = useI18n();
  const unread = item.readAt === null;
  return (
    <button
      type="button"
      className={`notification-item${unread ? ' notification-item-unread' : ''}`}
      onClick={() => onOpen(item)}
      data-testid="notification-item"
    >
      <Flex justify="space-between" gap={8} align="baseline">
        <Typography.Text strong={unread} ellipsis>
          {notificationTitle(item, t)}
        </Typography.Text>
        <Typography.Text type="secondary" style={{ fontSize: 12, flex: 'none' }}>
          {formatDateTime(item.createdAt)}
        </Typography.Text>
      </Flex>
      {item.body && (
        <Typography.Paragraph type="secondary" ellipsis={{ rows: 2 }} style={{ margin: 0, fontSize: 13 }}>
          {item.body}
        </Typography.Paragraph>
      )}
    </button>
  );
}

/** The bell in the header: the unread count, polled every 30 s, and the latest notifications; one opens its incident. */
export function NotificationBell() {
  const reportError = useErrorMessage();
  const { t } = useI18n();
  const [list, setList] = useState<NotificationList>({ items: [], unread: 0 });
  const [open, setOpen] = useState(false);
  const [polls, setPolls] = useState(0);

  useEffect(() => {
    const timer = window.setInterval(() => setPolls((count) => count + 1), POLL_INTERVAL_MS);
    return () => window.clearInterval(timer);
  }, []);

  useEffect(() => {
    const controller = new AbortController();
    notificationApi
      .list(LIST_LIMIT, controller.signal)
      .then(setList)
      // A missed poll is not worth a message: the next one comes in 30 s (an ended session shows the login page).
      .catch(() => undefined);
    return () => controller.abort();
  }, [polls, open]);

  const reload = useCallback(() => setPolls((count) => count + 1), []);

  const openItem = async (item: NotificationView) => {
    setOpen(false);
    if (item.subjectTable === 'incidents' && item.subjectId !== null) navigate(incidentPath(item.subjectId));
    else if (item.subjectTable === 'directives') navigate('/directives/mine');
    if (item.readAt !== null) return;
    try {
      await notificationApi.markRead(item.id);
      reload();
    } catch (error) {
      reportError(error);
    }
  };

  const markAllRead = async () => {
    try {
      await notificationApi.markAllRead();
      reload();
    } catch (error) {
      reportError(error);
    }
  };

  const content = (
    <div style={{ width: 360 }} data-testid="notification-list">
      <Flex justify="space-between" align="center" style={{ padding: '4px 4px 8px', borderBottom: '1px solid #f0f0f0' }}>
        <Typography.Text strong>
          {t('notification.title')}
          {list.unread > 0 ? t('notification.unread', { count: list.unread }) : ''}
        </Typography.Text>
        <Button type="link" size="small" disabled={list.unread === 0} onClick={markAllRead}>
          {t('notification.markAllRead')}
        </Button>
      </Flex>
      {list.items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('notification.empty')} />
      ) : (
        <div style={{ maxHeight: 420, overflowY: 'auto' }}>
          {list.items.map((item) => (
            <NotificationRow key={item.id} item={item} onOpen={openItem} />
          ))}
        </div>
      )}
    </div>
  );

  return (
    <Popover content={content} trigger="click" placement="bottomRight" open={open} onOpenChange={setOpen} arrow={false}>
      <button type="button" className="app-header-user" aria-label={t('notification.bellLabel', { count: list.unread })} data-testid="notification-bell">
        <Badge count={list.unread} size="small" overflowCount={99}>
          <BellOutlined style={{ fontSize: 18 }} />
        </Badge>
      </button>
    </Popover>
  );
}
