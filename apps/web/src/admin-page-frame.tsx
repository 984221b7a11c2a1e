import type { ReactNode } from 'react';
import { useI18n } from './i18n/i18n-context';
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
  const { t } = useI18n();
  return <PageFrame trail={[{ title: t('nav.admin') }, { title }]} title={title} {...rest} />;
}
