import type { IncidentAction } from '@civicgrid/domain';
import { Alert, App, Button, Card, Col, Flex, Result, Row, Spin, Tag, Typography } from 'antd';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { ApiError, apiClient } from './api-client';
import type { GridFeatureCollection, IncidentDetail } from './api-types';
import { navigate } from './app-location';
import { INCIDENT_LIST_ROUTE, incidentPath } from './app-routes';
import { boundingBoxOfGrids } from './bounding-box';
import { IncidentActionModal } from './incident-action-modal';
import { actionLabel, buttonKind, orderedActions } from './incident-action-forms';
import { incidentApi } from './incident-api';
import { IncidentFacts } from './incident-facts';
import { IncidentLocationMap } from './incident-location-map';
import { IncidentPhotos } from './incident-photos';
import { FollowUps, PendingRequests, PossibleDuplicates, SupervisionNotices } from './incident-side-panels';
import { NearestCameras } from './cameras/nearest-cameras';
import { DeadlineCountdown, IncidentStatusTag, UrgentTag } from './incident-tags';
import { IncidentTimeline } from './incident-timeline';
import { PageFrame } from './page-frame';
import { errorMessageOf, useErrorMessage } from './use-error-message';

const TRAIL = [{ title: INCIDENT_LIST_ROUTE.label, path: INCIDENT_LIST_ROUTE.path }];
const FINISHED = new Set(['closed', 'rejected', 'voided', 'merged']);
// A closed case still runs one clock until its first follow-up: the follow-up's.

interface OpenAction {
  action: IncidentAction;
  presets?: Record<string, unknown>;
  open: boolean;
  /** A new modal for each opening. */
  key: number;
}

function ActionButtons({ incident, onAction }: { incident: IncidentDetail; onAction: (action: IncidentAction) => void }) {
  if (incident.actions.length === 0) return null;
  return (
    <Flex gap={8} wrap data-testid="incident-actions">
      {orderedActions(incident.actions).map((action) => {
        const kind = buttonKind(action, incident.actions);
        return (
          <Button key={action} type={kind === 'primary' ? 'primary' : 'default'} danger={kind === 'danger'} onClick={() => onAction(action)}>
            {actionLabel(action, incident)}
          </Button>
        );
      })}
    </Flex>
  );
}

/** The incident's place: its point among the grids of its community. */
function LocationCard({ incident }: { incident: IncidentDetail }) {
  const [grids, setGrids] = useState<GridFeatureCollection | null>(null);
  const communityCode = incident.gridCode?.slice(0, 12) ?? null;
  useEffect(() => {
    if (!communityCode) return;
    const controller = new AbortController();
    // The outlines are for orientation only; without them the point still shows.
    apiClient.gridsGeoJson(communityCode, controller.signal).then(setGrids).catch(() => undefined);
    return () => controller.abort();
  }, [communityCode]);
  const point: [number, number] | null = incident.lon !== null && incident.lat !== null ? [incident.lon, incident.lat] : null;
  // The incident's own grid fills the map, its neighbours at the edges; without it, the point at street level.
  const bounds = useMemo(() => {
    const grid = grids?.features.find((feature) => feature.properties.code === incident.gridCode);
    return grid ? boundingBoxOfGrids([grid]) : null;
  }, [grids, incident.gridCode]);
  return (
    <Card size="small" title="位置" styles={{ body: { padding: 0 } }}>
      {point ? (
        <div style={{ position: 'relative', height: 260 }}>
          <IncidentLocationMap point={point} grids={grids} selectedGridCode={incident.gridCode} bounds={bounds} />
        </div>
      ) : (
        <Typography.Paragraph type="secondary" style={{ padding: 12, margin: 0 }}>
          无坐标，仅有地址：{incident.address ?? '—'}
        </Typography.Paragraph>
      )}
    </Card>
  );
}

/** 事件详情: what, where, who, every step so far, and the buttons for exactly the actions this user may take now. */
export function IncidentPage({ incidentId }: { incidentId: number }) {
  const { message } = App.useApp();
  const reportError = useErrorMessage();
  const [incident, setIncident] = useState<IncidentDetail | null>(null);
  const [loadProblem, setLoadProblem] = useState<ApiError | Error | null>(null);
  const [reloads, setReloads] = useState(0);
  const [openAction, setOpenAction] = useState<OpenAction | null>(null);

  useEffect(() => {
    const controller = new AbortController();
    incidentApi
      .get(incidentId, controller.signal)
      .then((detail) => {
        setIncident(detail);
        setLoadProblem(null);
      })
      .catch((error: unknown) => {
        if (controller.signal.aborted) return;
        if (error instanceof Error) setLoadProblem(error);
        reportError(error);
      });
    return () => controller.abort();
  }, [incidentId, reloads, reportError]);

  const startAction = useCallback((action: IncidentAction, presets?: Record<string, unknown>) => {
    setOpenAction((current) => ({ action, presets, open: true, key: (current?.key ?? 0) + 1 }));
  }, []);
  const closeAction = useCallback(() => setOpenAction((current) => current && { ...current, open: false }), []);

  if (!incident) {
    const status = loadProblem instanceof ApiError ? loadProblem.status : 0;
    return (
      <PageFrame trail={[...TRAIL, { title: '事件详情' }]} title="事件详情">
        {loadProblem ? (
          <Result
            status={status === 404 ? 404 : status === 403 ? 403 : 'error'}
            title={status === 404 ? '事件不存在' : status === 403 ? '无权查看此事件' : '加载失败'}
            subTitle={errorMessageOf(loadProblem)}
            extra={<Button onClick={() => navigate(INCIDENT_LIST_ROUTE.path)}>返回事件中心</Button>}
          />
        ) : (
          <Flex justify="center" style={{ padding: 64 }}>
            <Spin size="large" />
          </Flex>
        )}
      </PageFrame>
    );
  }

  const overdue = incident.colour === 'red' && !FINISHED.has(incident.status);
  return (
    <PageFrame
      trail={[...TRAIL, { title: incident.code }]}
      title={
        <Flex gap={8} align="center" wrap>
          <span className="monospace" data-testid="incident-code">{incident.code}</span>
          <IncidentStatusTag status={incident.status} />
          {incident.urgent && <UrgentTag />}
          {overdue && <Tag color="error">超期</Tag>}
          {incident.selfHandled && <Tag color="purple">自行处置</Tag>}
        </Flex>
      }
      description={FINISHED.has(incident.status) && !(incident.status === 'closed' && incident.followUps.length === 0) ? undefined : (
        <DeadlineCountdown deadline={incident.currentStepDeadline} warningAt={incident.currentStepWarningAt} />
      )}
      actions={<ActionButtons incident={incident} onAction={startAction} />}
    >
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={16}>
          <Flex vertical gap={16}>
            {incident.mergedIntoIncidentId !== null && (
              <Alert
                type="info"
                showIcon
                title="本事件为重复上报，已合并"
                action={
                  <Button size="small" onClick={() => navigate(incidentPath(incident.mergedIntoIncidentId!))}>
                    查看合并后的事件
                  </Button>
                }
              />
            )}
            {incident.actions.includes('self_handle') && (
              <Alert
                type="info"
                showIcon
                title="已在现场处置完毕？"
                description="点击“自行处置”，填写处置情况并上传处置后照片，报中心审核后结案。"
              />
            )}
            <Card size="small" data-testid="incident-description">
              {incident.title && <Typography.Title level={5} style={{ marginTop: 0 }}>{incident.title}</Typography.Title>}
              <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap', fontSize: 15 }}>{incident.description}</Typography.Paragraph>
            </Card>
            <IncidentFacts incident={incident} />
            <IncidentPhotos attachments={incident.attachments} />
            <IncidentTimeline steps={incident.steps} />
          </Flex>
        </Col>
        <Col xs={24} xl={8}>
          <Flex vertical gap={16}>
            <PendingRequests incident={incident} />
            <LocationCard incident={incident} />
            <NearestCameras incident={incident} />
            <SupervisionNotices incident={incident} />
            <FollowUps incident={incident} />
            <PossibleDuplicates
              incident={incident}
              onMerge={incident.actions.includes('merge') ? (targetIncidentId) => startAction('merge', { targetIncidentId }) : undefined}
            />
          </Flex>
        </Col>
      </Row>
      {openAction && (
        <IncidentActionModal
          key={openAction.key}
          incident={incident}
          action={openAction.action}
          presets={openAction.presets}
          open={openAction.open}
          onClose={closeAction}
          onDone={(next, label) => {
            setIncident(next);
            closeAction();
            message.success(`${label}成功`);
          }}
          onConflict={() => {
            closeAction();
            message.warning('该事件刚被他人处理，已刷新为最新状态，请确认后再操作');
            setReloads((count) => count + 1);
          }}
        />
      )}
    </PageFrame>
  );
}
