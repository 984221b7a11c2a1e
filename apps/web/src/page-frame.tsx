import { Flex, Layout, Typography } from 'antd';
import type { ReactNode } from 'react';
import { AppHeader } from './app-header';
import { navigate } from './app-location';
import { HeaderTrail } from './header-trail';

export interface PageFrameProps {
  /** The trail shown in the header, e.g. 事件中心 / 事件详情; an entry with a path is a link. */
  trail: { title: string; path?: string }[];
  title: ReactNode;
  description?: ReactNode;
  /** Actions beside the title, e.g. 新建用户. */
  actions?: ReactNode;
  children: ReactNode;
}

/** The frame of the list and form pages: header with the trail, title with actions, and the page's content below. */
export function PageFrame({ trail, title, description, actions, children }: PageFrameProps) {
  return (
    <Layout style={{ height: '100vh' }}>
      <AppHeader>
        {/* One level needs no trail: the title below says it. */}
        {trail.length > 1 && (
          <HeaderTrail
            items={trail.map(({ title, path }, index) => ({ key: String(index), title, link: path ? { href: path, onOpen: () => navigate(path) } : undefined }))}
            testId="page-trail"
          />
        )}
      </AppHeader>
      <Layout.Content className="admin-content">
        <div className="admin-content-inner">
          <Flex align="center" justify="space-between" gap={16} wrap style={{ marginBottom: 16 }}>
            <div style={{ minWidth: 0 }}>
              <Typography.Title level={4} style={{ margin: 0 }}>
                {title}
              </Typography.Title>
              {description && <Typography.Text type="secondary">{description}</Typography.Text>}
            </div>
            {actions && (
              <Flex gap={8} wrap align="center">
                {actions}
              </Flex>
            )}
          </Flex>
          {children}
        </div>
      </Layout.Content>
    </Layout>
  );
}
