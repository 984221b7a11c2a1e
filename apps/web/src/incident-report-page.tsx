import { Alert, App, Button, Card, Col, Form, Input, Row, Select, Switch, Typography, type UploadFile } from 'antd';
import { useRef, useState } from 'react';
import type { GridLocation, IncidentReportInput } from './api-types';
import { navigate } from './app-location';
import { INCIDENT_LIST_ROUTE, incidentPath } from './app-routes';
import { newClientId } from './client-id';
import { useI18n } from './i18n/i18n-context';
import { incidentApi } from './incident-api';
import { IncidentCategoryCascader } from './incident-category-cascader';
import { IncidentLocationPicker, type PickedPoint } from './incident-location-picker';
import { PageFrame } from './page-frame';
import { PhotoPicker, uploadPhotos } from './photo-picker';
import { useCurrentUser } from './session-context';
import { findSubcategory, useIncidentCategories } from './use-incident-reference-data';
import { errorMessageOf } from './use-error-message';

interface ReportForm {
  categoryId?: number;
  title?: string;
  description: string;
  point: PickedPoint | null;
  address?: string;
  urgent?: boolean;
  photos?: UploadFile[];
  source?: NonNullable<IncidentReportInput['source']>;
  reporterName?: string;
  reporterPhone?: string;
}

const OPERATOR_SOURCES = ['resident', 'department_referral', 'video_alarm', 'grid_worker'] as const;
const blankToNull = (text: string | undefined) => text?.trim() || null;

function CategoryHint({ categoryId }: { categoryId: number | undefined }) {
  const categories = useIncidentCategories();
  const { t } = useI18n();
  const category = findSubcategory(categories, categoryId)?.category;
  if (!category) return null;
  const limit = category.timeLimit !== null && category.timeLimitUnit ? `${category.timeLimit} ${t(`timeLimitUnit.${category.timeLimitUnit}`)}` : '—';
  return (
    <Typography.Text type="secondary">
      {t('incident.report.categoryHint', { limit, urgency: t(`urgency.${category.urgency ?? 'normal'}`) })}
    </Typography.Text>
  );
}

/** 上报事件: what, where (a point on the map of the user's own area), photos; then the new incident's page. */
export function IncidentReportPage() {
  const user = useCurrentUser();
  const { message } = App.useApp();
  const { t, routeLabel } = useI18n();
  const [form] = Form.useForm<ReportForm>();
  const [submitting, setSubmitting] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  // One id per submission, kept across its retries: a retry returns the incident made the first time.
  const clientIdRef = useRef(newClientId());
  const uploadedRef = useRef(new Map<string, number>());
  const categoryId = Form.useWatch('categoryId', form);
  const isOperator = user.can('incident.operate');
  const isGridWorker = user.jurisdiction.kind === 'grids';

  const suggestAddress = (location: GridLocation | null) => {
    if (!location || form.getFieldValue('address')) return;
    // The regions as the start of the address; the street and number are the reporter's to add.
    form.setFieldValue('address', location.ancestors.filter((region) => region.level !== 'city').map((region) => region.name).join(''));
  };

  const submit = async (values: ReportForm) => {
    if (!values.point) return;
    setSubmitting(true);
    setProblem(null);
    try {
      const incident = await incidentApi.report({
        clientId: clientIdRef.current,
        categoryId: values.categoryId ?? null,
        title: blankToNull(values.title),
        description: values.description.trim(),
        lon: values.point.lon,
        lat: values.point.lat,
        address: blankToNull(values.address),
        urgent: values.urgent ?? false,
        ...(isOperator
          ? { source: values.source, reporterName: blankToNull(values.reporterName), reporterPhone: blankToNull(values.reporterPhone) }
          : {}),
      });
      await uploadPhotos(values.photos, uploadedRef.current, (file) => incidentApi.uploadAttachment(incident.id, 'before', file));
      message.success(t('incident.report.success', { code: incident.code }));
      navigate(incidentPath(incident.id));
    } catch (error) {
      setProblem(errorMessageOf(error));
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <PageFrame
      trail={[{ title: routeLabel(INCIDENT_LIST_ROUTE), path: INCIDENT_LIST_ROUTE.path }, { title: t('incident.report.title') }]}
      title={t('incident.report.title')}
    >
      <Form<ReportForm>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{ urgent: false, point: null, source: 'resident' }}
        data-testid="incident-report-form"
      >
        <Row gutter={16}>
          <Col xs={24} xl={10}>
            <Card size="small" title={t('incident.report.content')}>
              {isGridWorker && (
                <Alert
                  type="info"
                  showIcon
                  style={{ marginBottom: 16 }}
                  title={t('incident.report.gridWorkerHint')}
                />
              )}
              <Form.Item name="categoryId" label={t('incident.field.category')} extra={categoryId ? <CategoryHint categoryId={categoryId} /> : undefined}>
                <IncidentCategoryCascader placeholder={t('incident.report.categoryPlaceholder')} />
              </Form.Item>
              <Row gutter={12}>
                <Col flex="auto">
                  <Form.Item name="title" label={t('incident.field.title')}>
                    <Input maxLength={100} placeholder={t('incident.report.titlePlaceholder')} />
                  </Form.Item>
                </Col>
                <Col flex="none">
                  <Form.Item name="urgent" label={t('incident.urgent')} valuePropName="checked">
                    <Switch />
                  </Form.Item>
                </Col>
              </Row>
              <Form.Item name="description" label={t('incident.field.description')} rules={[{ required: true, whitespace: true, message: t('incident.report.describe') }]}>
                <Input.TextArea rows={3} maxLength={2000} showCount placeholder={t('incident.report.descriptionPlaceholder')} />
              </Form.Item>
              <Form.Item name="address" label={t('incident.field.address')}>
                <Input maxLength={200} placeholder={t('incident.report.addressPlaceholder')} />
              </Form.Item>
              {isOperator && (
                <>
                  <Form.Item name="source" label={t('incident.field.source')}>
                    <Select options={OPERATOR_SOURCES.map((source) => ({ value: source, label: t(`source.${source}`) }))} />
                  </Form.Item>
                  <Row gutter={12}>
                    <Col span={12}>
                      <Form.Item name="reporterName" label={t('incident.field.reporter')}>
                        <Input maxLength={50} placeholder={t('common.optional')} />
                      </Form.Item>
                    </Col>
                    <Col span={12}>
                      <Form.Item
                        name="reporterPhone"
                        label={t('incident.field.reporterPhone')}
                        rules={[{ pattern: /^[0-9+\-() ]{5,20}$/, message: t('incident.report.phoneInvalid') }]}
                      >
                        <Input maxLength={20} placeholder={t('common.optional')} />
                      </Form.Item>
                    </Col>
                  </Row>
                </>
              )}
              <Form.Item
                name="photos"
                label={t('incident.photoLabel.site')}
                valuePropName="fileList"
                getValueFromEvent={(files: UploadFile[]) => files}
                extra={t('photo.hint')}
              >
                <PhotoPicker />
              </Form.Item>
            </Card>
          </Col>
          <Col xs={24} xl={14}>
            <Card size="small" title={t('incident.report.place')}>
              <Form.Item
                name="point"
                rules={[{ required: true, message: t('incident.report.pickPoint') }]}
                style={{ marginBottom: 0 }}
              >
                <IncidentLocationPicker onLocated={suggestAddress} />
              </Form.Item>
            </Card>
            {problem && <Alert type="error" showIcon title={problem} style={{ marginTop: 16 }} />}
            <Row justify="end" style={{ marginTop: 16, gap: 8 }}>
              <Button onClick={() => navigate(INCIDENT_LIST_ROUTE.path)}>{t('common.cancel')}</Button>
              <Button type="primary" htmlType="submit" loading={submitting}>
                {t('incident.report.submit')}
              </Button>
            </Row>
          </Col>
        </Row>
      </Form>
    </PageFrame>
  );
}
