import type { ReactNode } from 'react';
import { PageFrame } from './page-frame';

interface AdminPageFrameProps {
  title: string;
  description?: string;
  /** Actions beside the title, e.g. 新建用户. */
  actions?: ReactNode;
  children: ReactNode;
}

/** The common frame of the 系统管理 pages. */
export function AdminPageFrame({ title, ...rest }: AdminPageFrameProps) {
  return <PageFrame trail={[{ title: '系统管理' }, { title }]} title={title} {...rest} />;
}
