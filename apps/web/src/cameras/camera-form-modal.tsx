import { CAMERA_STATUSES, type CameraView, type CameraWriteInput } from '@civicgrid/domain';
import { Col, Form, Input, InputNumber, Modal, Row, Select, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { apiClient } from '../api-client';
import type { BoundingBox, GridFeatureCollection } from '../api-types';
import { boundingBoxOfGrids } from '../bounding-box';
import { useCurrentUser } from '../session-context';
import { regionCodeOfUser } from '../user-area';
import { IncidentLocationMap } from '../incident-location-map';
import { useI18n } from '../i18n/i18n-context';
import { useErrorMessage } from '../use-error-message';
import { cameraApi } from './camera-api';

const round = (degrees: number) => Math.round(degrees * 1e6) / 1e6;
const STREAM_URL = /^(rtsp|https?):\/\/\S+$/i;

interface CameraFormModalProps {
  /** The camera to change; a new one otherwise. */
  camera: CameraView | null;
  onClose: () => void;
  onSaved: (camera: CameraView) => void;
}

/** 新增 / 编辑点位: name, device code, stream address, status, and the position, clicked on the map or typed. */
export function CameraFormModal({ camera, onClose, onSaved }: CameraFormModalProps) {
  const { t } = useI18n();
  const reportError = useErrorMessage();
  const [form] = Form.useForm<CameraWriteInput>();
  const [saving, setSaving] = useState(false);
  const user = useCurrentUser();
  const [grids, setGrids] = useState<GridFeatureCollection | null>(null);
  const [regionBounds, setRegionBounds] = useState<BoundingBox | null>(null);
  const regionCode = regionCodeOfUser(user);
  useEffect(() => {
    if (!regionCode) return;
    const controller = new AbortController();
    // The map opens on the user's own area; a street's or community's grids show where to click (a district's would be too many).
    apiClient.getRegion(regionCode, controller.signal).then((region) => setRegionBounds(region.bbox)).catch(() => undefined);
    if (regionCode.length >= 9) apiClient.gridsGeoJson(regionCode, controller.signal).then(setGrids).catch(() => undefined);
    return () => controller.abort();
  }, [regionCode]);
  const bounds = useMemo(
    (): BoundingBox | null => (camera
      ? [camera.lon - 0.004, camera.lat - 0.003, camera.lon + 0.004, camera.lat + 0.003]
      : (grids ? boundingBoxOfGrids(grids.features) : null) ?? regionBounds),
    [camera, grids, regionBounds],
  );
  const lon = Form.useWatch('lon', form);
  const lat = Form.useWatch('lat', form);
  const point: [number, number] | null = typeof lon === 'number' && typeof lat === 'number' ? [lon, lat] : null;

  const submit = async () => {
    const values = await form.validateFields();
    const input = { ...values, deviceCode: values.deviceCode || null, streamUrl: values.streamUrl || null };
    setSaving(true);
    try {
      onSaved(camera ? await cameraApi.update(camera.id, input) : await cameraApi.create(input));
    } catch (error) {
      reportError(error);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal open title={camera ? t('camera.edit') : t('camera.add')} okText={t('common.save')} cancelText={t('common.cancel')} width={720}
      confirmLoading={saving} onOk={() => void submit().catch(() => undefined)} onCancel={onClose} destroyOnHidden>
      <Form form={form} layout="vertical" data-testid="camera-form"
        initialValues={camera ?? { status: 'online' }}>
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item name="name" label={t('camera.field.name')} rules={[{ required: true, whitespace: true, max: 100 }]}><Input maxLength={100} /></Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="deviceCode" label={t('camera.field.deviceCode')} rules={[{ pattern: /^[0-9A-Za-z_-]{1,32}$/ }]}><Input maxLength={32} /></Form.Item>
          </Col>
          <Col span={16}>
            <Form.Item name="streamUrl" label={t('camera.field.streamUrl')} rules={[{ pattern: STREAM_URL, message: t('camera.streamHint') }]}>
              <Input placeholder={t('camera.streamHint')} maxLength={500} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="status" label={t('camera.field.status')} rules={[{ required: true }]}>
              <Select options={CAMERA_STATUSES.map((status) => ({ value: status, label: t(`camera.status.${status}`) }))} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="lon" label={t('camera.field.lon')} rules={[{ required: true }]}><InputNumber min={73} max={136} step={0.0001} style={{ width: '100%' }} /></Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="lat" label={t('camera.field.lat')} rules={[{ required: true }]}><InputNumber min={3} max={54} step={0.0001} style={{ width: '100%' }} /></Form.Item>
          </Col>
        </Row>
        <Typography.Text type="secondary">{t('camera.pickHint')}</Typography.Text>
        <div style={{ position: 'relative', height: 260, marginTop: 8 }}>
          <IncidentLocationMap point={point} grids={grids} bounds={bounds} testId="camera-location-map" onPick={(pickedLon, pickedLat) => form.setFieldsValue({ lon: round(pickedLon), lat: round(pickedLat) })} />
        </div>
      </Form>
    </Modal>
  );
}
