import { INCIDENT_SOURCE_LABELS, TIME_LIMIT_UNIT_LABELS, URGENCY_LABELS } from '@civicgrid/domain';
import { Alert, App, Button, Card, Col, Form, Input, Row, Select, Switch, Typography, type UploadFile } from 'antd';
import { useRef, useState } from 'react';
import type { GridLocation, IncidentReportInput } from './api-types';
import { navigate } from './app-location';
import { INCIDENT_LIST_ROUTE, incidentPath } from './app-routes';
import { newClientId } from './client-id';
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

const OPERATOR_SOURCES = (['resident', 'department_referral', 'video_alarm', 'grid_worker'] as const).map((source) => ({
  value: source,
  label: INCIDENT_SOURCE_LABELS[source],
}));
const blankToNull = (text: string | undefined) => text?.trim() || null;

function CategoryHint({ categoryId }: { categoryId: number | undefined }) {
  const categories = useIncidentCategories();
  const category = findSubcategory(categories, categoryId)?.category;
  if (!category) return null;
  const limit = category.timeLimit !== null && category.timeLimitUnit ? `${category.timeLimit} ${TIME_LIMIT_UNIT_LABELS[category.timeLimitUnit]}` : '—';
  return (
    <Typography.Text type="secondary">
      处置时限 {limit} · {category.urgency ? URGENCY_LABELS[category.urgency] : '一般'}
    </Typography.Text>
  );
}

/** 上报事件: what, where (a point on the map of the user's own area), photos; then the new incident's page. */
export function IncidentReportPage() {
  const user = useCurrentUser();
  const { message } = App.useApp();
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
      message.success(`已上报，事件编号 ${incident.code}`);
      navigate(incidentPath(incident.id));
    } catch (error) {
      setProblem(errorMessageOf(error));
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <PageFrame trail={[{ title: INCIDENT_LIST_ROUTE.label, path: INCIDENT_LIST_ROUTE.path }, { title: '上报事件' }]} title="上报事件">
      <Form<ReportForm>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{ urgent: false, point: null, source: 'resident' }}
        data-testid="incident-report-form"
      >
        <Row gutter={16}>
          <Col xs={24} xl={10}>
            <Card size="small" title="事件内容">
              {isGridWorker && (
                <Alert
                  type="info"
                  showIcon
                  style={{ marginBottom: 16 }}
                  title="现场已处置的问题也请上报：上报后在事件页点击“自行处置”，上传处置后照片，报中心审核结案。"
                />
              )}
              <Form.Item name="categoryId" label="事件分类" extra={categoryId ? <CategoryHint categoryId={categoryId} /> : undefined}>
                <IncidentCategoryCascader placeholder="选择大类 / 小类，可输入名称搜索" />
              </Form.Item>
              <Row gutter={12}>
                <Col flex="auto">
                  <Form.Item name="title" label="标题">
                    <Input maxLength={100} placeholder="可不填，例如：新华路12号井盖缺失" />
                  </Form.Item>
                </Col>
                <Col flex="none">
                  <Form.Item name="urgent" label="紧急" valuePropName="checked">
                    <Switch />
                  </Form.Item>
                </Col>
              </Row>
              <Form.Item name="description" label="问题描述" rules={[{ required: true, whitespace: true, message: '请描述问题' }]}>
                <Input.TextArea rows={3} maxLength={2000} showCount placeholder="发生了什么、影响多大、现场情况" />
              </Form.Item>
              <Form.Item name="address" label="地址">
                <Input maxLength={200} placeholder="在地图上选点后自动带出，可修改" />
              </Form.Item>
              {isOperator && (
                <>
                  <Form.Item name="source" label="来源">
                    <Select options={OPERATOR_SOURCES} />
                  </Form.Item>
                  <Row gutter={12}>
                    <Col span={12}>
                      <Form.Item name="reporterName" label="反映人">
                        <Input maxLength={50} placeholder="可不填" />
                      </Form.Item>
                    </Col>
                    <Col span={12}>
                      <Form.Item name="reporterPhone" label="联系电话" rules={[{ pattern: /^[0-9+\-() ]{5,20}$/, message: '电话号码格式不正确' }]}>
                        <Input maxLength={20} placeholder="可不填" />
                      </Form.Item>
                    </Col>
                  </Row>
                </>
              )}
              <Form.Item
                name="photos"
                label="现场照片"
                valuePropName="fileList"
                getValueFromEvent={(files: UploadFile[]) => files}
                extra="JPEG、PNG 或 WebP，每张不超过 10 MB"
              >
                <PhotoPicker />
              </Form.Item>
            </Card>
          </Col>
          <Col xs={24} xl={14}>
            <Card size="small" title="事发位置">
              <Form.Item
                name="point"
                rules={[{ required: true, message: '请在地图上点选事发位置' }]}
                style={{ marginBottom: 0 }}
              >
                <IncidentLocationPicker onLocated={suggestAddress} />
              </Form.Item>
            </Card>
            {problem && <Alert type="error" showIcon title={problem} style={{ marginTop: 16 }} />}
            <Row justify="end" style={{ marginTop: 16, gap: 8 }}>
              <Button onClick={() => navigate(INCIDENT_LIST_ROUTE.path)}>取消</Button>
              <Button type="primary" htmlType="submit" loading={submitting}>
                上报
              </Button>
            </Row>
          </Col>
        </Row>
      </Form>
    </PageFrame>
  );
}
