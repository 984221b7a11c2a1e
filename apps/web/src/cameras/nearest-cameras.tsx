import { VideoCameraOutlined } from '@ant-design/icons';
import type { IncidentDetail, NearbyCamera } from '@civicgrid/domain';
import { Card, Flex, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useI18n } from '../i18n/i18n-context';
import { useCurrentUser } from '../session-context';
import { cameraApi } from './camera-api';
import { CameraStatusTag } from './camera-tags';

const LIMIT = 5;

/** 附近摄像头: the working cameras nearest to the incident, with the distance, for users who may see cameras. */
export function NearestCameras({ incident }: { incident: Pick<IncidentDetail, 'id' | 'lon' | 'lat'> }) {
  const user = useCurrentUser();
  const { t } = useI18n();
  const [cameras, setCameras] = useState<NearbyCamera[] | null>(null);
  const allowed = user.can('camera.read');
  const located = incident.lon !== null && incident.lat !== null;

  useEffect(() => {
    if (!allowed || !located) return;
    const controller = new AbortController();
    // The panel is an aid beside the incident: without it the page still works.
    cameraApi.nearest(incident.id, LIMIT, controller.signal).then(setCameras).catch(() => setCameras([]));
    return () => controller.abort();
  }, [allowed, located, incident.id]);

  if (!allowed) return null;
  return (
    <Card size="small" title={<><VideoCameraOutlined /> {t('camera.nearby.title')}</>} data-testid="nearest-cameras">
      {!located ? <Typography.Text type="secondary">{t('camera.nearby.noPoint')}</Typography.Text>
        : cameras && cameras.length === 0 ? <Typography.Text type="secondary">{t('camera.nearby.empty')}</Typography.Text>
          : (
            <Flex vertical gap={8}>
              {(cameras ?? []).map((camera) => (
                <Flex key={camera.id} justify="space-between" align="center" gap={8} data-testid="nearest-camera">
                  <Flex vertical style={{ minWidth: 0 }}>
                    <Typography.Text strong ellipsis>{camera.name}</Typography.Text>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {t('common.metres', { value: camera.distanceMetres })} · {camera.gridName}
                    </Typography.Text>
                  </Flex>
                  <Flex gap={4} align="center" style={{ flex: 'none' }}>
                    <CameraStatusTag status={camera.status} />
                    {camera.streamUrl && <Typography.Text copyable={{ text: camera.streamUrl, tooltips: [t('common.copy'), t('common.copied')] }} />}
                  </Flex>
                </Flex>
              ))}
            </Flex>
          )}
    </Card>
  );
}
