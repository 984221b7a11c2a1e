import { Breadcrumb, Flex, Layout, Typography } from 'antd';
import type { ReactNode } from 'react';
import { AppHeader } from './app-header';

interface AdminPageFrameProps {
  title: string;
  description?: string;
  /** Actions beside the title, e.g. 新建用户. */
  actions?: ReactNode;
  children: ReactNode;
}

/** The common frame of the 系统管理 pages: header, title with actions, and the page's content below. */
export function AdminPageFrame({ title, description, actions, children }: AdminPageFrameProps) {
  return (
    <Layout style={{ height: '100vh' }}>
      <AppHeader>
        <Breadcrumb items={[{ title: '系统管理' }, { title }]} />
      </AppHeader>
      <Layout.Content className="admin-content">
        <div className="admin-content-inner">
          <Flex align="center" justify="space-between" gap={16} wrap style={{ marginBottom: 16 }}>
            <div>
              <Typography.Title level={4} style={{ margin: 0 }}>
                {title}
              </Typography.Title>
              {description && <Typography.Text type="secondary">{description}</Typography.Text>}
            </div>
            {actions && (
              <Flex gap={8} wrap>
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
