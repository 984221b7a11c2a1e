import type { IncidentAction } from '@civicgrid/domain';
import { Alert, App, Button, Card, Col, Flex, Result, Row, Spin, Tag, Typography } from 'antd';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { ApiError, apiClient } from './api-client';
import type { GridFeatureCollection, IncidentDetail } from './api-types';
import { navigate } from './app-location';
import { INCIDENT_LIST_ROUTE, INCIDENT_ROUTE, incidentPath } from './app-routes';
import { boundingBoxOfGrids } from './bounding-box';
import { useI18n } from './i18n/i18n-context';
import { IncidentActionModal } from './incident-action-modal';
import { actionLabel, buttonKind, orderedActions } from './incident-action-forms';
import { incidentApi } from './incident-api';
import { IncidentFacts } from './incident-facts';
import { IncidentLocationMap } from './incident-location-map';
import { mapControlLocale } from './map-control-locale';
import { IncidentPhotos } from './incident-photos';
import { FollowUps, PendingRequests, PossibleDuplicates, SupervisionNotices } from './incident-side-panels';
import { NearestCameras } from './cameras/nearest-cameras';
import { DeadlineCountdown, IncidentStatusTag, UrgentTag } from './incident-tags';
import { IncidentTimeline } from './incident-timeline';
import { PageFrame } from './page-frame';
import { errorMessageOf, useErrorMessage } from './use-error-message';

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
  const { t } = useI18n();
  if (incident.actions.length === 0) return null;
  return (
    <Flex gap={8} wrap data-testid="incident-actions">
      {orderedActions(incident.actions).map((action) => {
        const kind = buttonKind(action, incident.actions);
        return (
          <Button key={action} type={kind === 'primary' ? 'primary' : 'default'} danger={kind === 'danger'} onClick={() => onAction(action)}>
            {actionLabel(action, incident, t)}
          </Button>
        );
      })}
    </Flex>
  );
}

/** The incident's place: its point among the grids of its community. */
function LocationCard({ incident }: { incident: IncidentDetail }) {
  const { t } = useI18n();
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
    <Card size="small" title={t('incident.field.place')} styles={{ body: { padding: 0 } }}>
      {point ? (
        <div style={{ position: 'relative', height: 260 }}>
          <IncidentLocationMap
            point={point}
            grids={grids}
            selectedGridCode={incident.gridCode}
            bounds={bounds}
            controlLocale={mapControlLocale(t)}
          />
        </div>
      ) : (
        <Typography.Paragraph type="secondary" style={{ padding: 12, margin: 0 }}>
          {t('incident.addressOnly', { address: incident.address ?? '—' })}
        </Typography.Paragraph>
      )}
    </Card>
  );
}

/** 事件详情: what, where, who, every step so far, and the buttons for exactly the actions this user may take now. */
export function IncidentPage({ incidentId }: { incidentId: number }) {
  const { message } = App.useApp();
  const reportError = useErrorMessage();
  const { t, routeLabel } = useI18n();
  const trail = [{ title: routeLabel(INCIDENT_LIST_ROUTE), path: INCIDENT_LIST_ROUTE.path }];
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
      <PageFrame trail={[...trail, { title: routeLabel(INCIDENT_ROUTE) }]} title={routeLabel(INCIDENT_ROUTE)}>
        {loadProblem ? (
          <Result
            status={status === 404 ? 404 : status === 403 ? 403 : 'error'}
            title={status === 404 ? t('incident.notFound') : status === 403 ? t('incident.forbidden') : t('error.loadFailed')}
            subTitle={errorMessageOf(loadProblem)}
            extra={<Button onClick={() => navigate(INCIDENT_LIST_ROUTE.path)}>{t('incident.backToList')}</Button>}
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
      trail={[...trail, { title: incident.code }]}
      title={
        <Flex gap={8} align="center" wrap>
          <span className="monospace" data-testid="incident-code">{incident.code}</span>
          <IncidentStatusTag status={incident.status} />
          {incident.urgent && <UrgentTag />}
          {overdue && <Tag color="error">{t('incident.deadline.red')}</Tag>}
          {incident.selfHandled && <Tag color="purple">{t('incident.selfHandled')}</Tag>}
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
                title={t('incident.merged')}
                action={
                  <Button size="small" onClick={() => navigate(incidentPath(incident.mergedIntoIncidentId!))}>
                    {t('incident.viewMerged')}
                  </Button>
                }
              />
            )}
            {incident.actions.includes('self_handle') && (
              <Alert
                type="info"
                showIcon
                title={t('incident.selfHandleHintTitle')}
                description={t('incident.selfHandleHint')}
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
            message.success(t('incident.actionDone', { label }));
          }}
          onConflict={() => {
            closeAction();
            message.warning(t('incident.conflict'));
            setReloads((count) => count + 1);
          }}
        />
      )}
    </PageFrame>
  );
}
