import type { CameraStatus } from '@civicgrid/domain';
import { Tag } from 'antd';
import { useI18n } from '../i18n/i18n-context';

const STATUS_COLOURS: Record<CameraStatus, string> = { online: 'success', offline: 'default', fault: 'error', decommissioned: 'default' };

export function CameraStatusTag({ status }: { status: CameraStatus }) {
  const { t } = useI18n();
  return <Tag color={STATUS_COLOURS[status]}>{t(`camera.status.${status}`)}</Tag>;
}
