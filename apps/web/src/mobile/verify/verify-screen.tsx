import { INCIDENT_STATUS_LABELS, INCIDENT_WORKFLOW } from '@civicgrid/domain';
import { Button, Dialog, ErrorBlock, ImageViewer, SpinLoading, TextArea } from 'antd-mobile';
import { useEffect, useState } from 'react';
import type { IncidentAttachmentView, IncidentDetail } from '../../api-types';
import { navigate } from '../../app-location';
import { incidentApi } from '../../incident-api';
import { useCachedResource } from '../data/cached-resource';
import { MOBILE_PATHS } from '../mobile-paths';
import { useOutbox } from '../outbox/outbox-context';
import { OUTBOX_STATE_LABELS, type AnyOutboxItem, type OutboxItem } from '../outbox/outbox-item';
import { PhotoCapture } from '../report/photo-capture';
import { useWorker } from '../session/mobile-session';
import { shortTime } from '../shell/format-time';
import { KeptDataNote } from '../shell/kept-data-note';
import { NotFoundScreen } from '../shell/not-found-screen';
import { useOnline } from '../shell/use-online';
import { incidentCacheName } from './verification-preload';
import './verify.css';

type VerifyAction = 'verify' | 'rework';

const NOTE_MAX = 2000;

export const isActionOn = (incidentId: number) => (item: AnyOutboxItem): item is OutboxItem<'incident_action'> =>
  item.kind === 'incident_action' && item.payload.incidentId === incidentId;

function PhotoColumn({ title, photos, online, testId }: { title: string; photos: IncidentAttachmentView[]; online: boolean; testId: string }) {
  // Offline the full photo is not on the phone; the thumbnail read ahead is.
  const urls = photos.map((photo) => (online ? photo.url : photo.thumbnailUrl));
  return (
    <div className="m-verify-column" data-testid={testId}>
      <div className="m-verify-column-title">{title}</div>
      {photos.length === 0 && <div className="m-verify-no-photo">没有照片</div>}
      {photos.map((photo, index) => (
        <button
          key={photo.id}
          type="button"
          className="m-verify-photo"
          onClick={() => ImageViewer.Multi.show({ images: urls, defaultIndex: index })}
          aria-label={`${title}照片 ${index + 1}`}
        >
          <img src={photo.thumbnailUrl} alt={`${title}照片 ${index + 1}`} />
        </button>
      ))}
    </div>
  );
}

/** Where the worker's 核查 stands once submitted: waiting, sent, or refused with the server's reason. */
function ActionState({ item }: { item: OutboxItem<'incident_action'> }) {
  const label = INCIDENT_WORKFLOW[item.payload.request.action].label;
  return (
    <section className={`m-card m-verify-state m-verify-state-${item.state}`} data-testid="verify-submitted" data-state={item.state}>
      <h2>
        已提交「{label}」
        <span className={`m-state m-state-${item.state}`}>{OUTBOX_STATE_LABELS[item.state]}</span>
      </h2>
      {item.state === 'conflict' ? (
        <>
          <p className="m-problem" data-testid="verify-conflict">
            服务器没有接受：{item.lastError}
          </p>
          <p className="m-note">事件在您离线时已有变化，这次「{label}」不会生效。请到「我的」查看，放弃这条记录。</p>
          <Button block size="large" className="m-big-button" onClick={() => navigate(MOBILE_PATHS.me)}>
            查看发送记录
          </Button>
        </>
      ) : item.state === 'sent' ? (
        <p className="m-note">{item.sentAt !== null ? `${shortTime(item.sentAt)} 已送达` : '已送达'}</p>
      ) : (
        <p className="m-note">已保存在手机上，有信号后自动发送，不会重复。</p>
      )}
    </section>
  );
}

function Verification({ incidentId }: { incidentId: number }) {
  const worker = useWorker();
  const online = useOnline();
  const { items, enqueue } = useOutbox();
  const incident = useCachedResource<IncidentDetail>(worker.userId, incidentCacheName(incidentId), (signal) => incidentApi.get(incidentId, signal));
  const [note, setNote] = useState('');
  const [photos, setPhotos] = useState<Blob[]>([]);
  const [problem, setProblem] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const item = items.filter(isActionOn(incidentId)).at(-1);

  // Once the server answered, the incident as it is now: 待结案 after 核查通过, or whatever someone else made of it.
  const { reload } = incident;
  const answered = item?.state === 'sent' || item?.state === 'conflict';
  useEffect(() => {
    if (answered) reload();
  }, [answered, reload]);

  const detail = incident.value;
  if (!detail) {
    return incident.problem || !online ? (
      <ErrorBlock status="disconnected" title="这条事件没有保存在手机上" description={online ? incident.problem : '请到有信号的地方再打开'} />
    ) : (
      <div className="m-splash">
        <SpinLoading color="primary" />
      </div>
    );
  }

  const handled = [...detail.steps].reverse().find((step) => step.action === 'handle');
  const before = detail.attachments.filter((attachment) => attachment.kind === 'before');
  const after = detail.attachments.filter((attachment) => attachment.kind === 'after');
  const canAct = detail.status === 'handled' && detail.actions.includes('verify') && detail.actions.includes('rework');

  const act = async (action: VerifyAction) => {
    const text = note.trim();
    if (action === 'rework' && !text) return setProblem('返工请写明哪里没有处置好');
    if (action === 'rework' && photos.length === 0) return setProblem('返工请拍一张现场照片');
    setProblem(null);
    const label = INCIDENT_WORKFLOW[action].label;
    const confirmed = await Dialog.confirm({
      title: `确认${label}？`,
      content: action === 'verify' ? '现场已按要求处置完毕。' : '事件将退回处置部门重新处置。',
      confirmText: label,
      cancelText: '再看看',
    });
    if (!confirmed) return;
    setSubmitting(true);
    try {
      await enqueue([
        {
          kind: 'incident_action',
          title: `${label}：${detail.title ?? detail.description.slice(0, 30)}`,
          payload: { incidentId, incidentCode: detail.code, request: { action, version: detail.version, ...(text ? { note: text } : {}) } },
          photos: photos.map((blob, index) => ({ blob, fileName: `verify-${index + 1}.jpg`, kind: 'other' })),
        },
      ]);
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <div className="m-stack" data-testid="verify-screen">
      <section className="m-card m-verify-head">
        <div className="m-verify-code">
          {detail.code}
          <span className={`m-tag ${detail.status === 'handled' ? 'm-tag-warning' : 'm-tag-success'}`} data-testid="verify-status">
            {INCIDENT_STATUS_LABELS[detail.status]}
          </span>
        </div>
        <h2 className="m-verify-title">{detail.title ?? detail.description}</h2>
        {detail.title && <p className="m-note">{detail.description}</p>}
        <p className="m-note">
          {[detail.address, detail.gridName, detail.categoryName].filter(Boolean).join(' · ')}
        </p>
        <KeptDataNote resource={incident} />
      </section>

      <section className="m-card m-verify-photos" data-testid="verify-photos">
        <PhotoColumn title="处置前" photos={before} online={online} testId="verify-before" />
        <PhotoColumn title="处置后" photos={after} online={online} testId="verify-after" />
      </section>

      {handled && (
        <section className="m-card" data-testid="verify-handled">
          <h2>
            处置结果
            <span className="m-note">
              {handled.departmentName ?? detail.leadDepartmentName ?? ''} · {shortTime(handled.createdAt)}
            </span>
          </h2>
          <p className="m-verify-handled-note">{handled.note ?? '（没有填写处置说明）'}</p>
        </section>
      )}

      {item && item.state !== 'sent' ? (
        <ActionState item={item} />
      ) : !canAct ? (
        <>
          {item && <ActionState item={item} />}
          <p className="m-note m-verify-done" data-testid="verify-not-needed">
            事件现为「{INCIDENT_STATUS_LABELS[detail.status]}」，不需要您核查。
          </p>
        </>
      ) : (
        <>
          <section className="m-card">
            <h2>
              <label htmlFor="verify-note">核查意见</label>
              <span className="m-note">返工时必填</span>
            </h2>
            <TextArea
              id="verify-note"
              placeholder="现场情况；返工请写明哪里没有处置好"
              value={note}
              onChange={(text) => {
                setNote(text);
                setProblem(null);
              }}
              maxLength={NOTE_MAX}
              autoSize={{ minRows: 2, maxRows: 6 }}
            />
          </section>
          <section className="m-card">
            <h2>
              现场照片<span className="m-note">返工时必拍</span>
            </h2>
            <PhotoCapture
              photos={photos}
              onChange={(taken) => {
                setPhotos(taken);
                setProblem(null);
              }}
            />
          </section>
          {problem && (
            <div className="m-problem" role="alert" data-testid="verify-problem">
              {problem}
            </div>
          )}
          <div className="m-verify-actions">
            <Button block color="success" size="large" className="m-big-button" loading={submitting} onClick={() => void act('verify')}>
              核查通过
            </Button>
            <Button block color="danger" fill="outline" size="large" className="m-big-button" disabled={submitting} onClick={() => void act('rework')}>
              不通过，返工
            </Button>
          </div>
        </>
      )}
    </div>
  );
}

/** 核查 /m/verify/:incidentId: before and after side by side, the department's note, 核查通过 or 返工. */
export function VerifyScreen({ params }: { params: Record<string, string> }) {
  const incidentId = Number(params.incidentId);
  if (!Number.isInteger(incidentId) || incidentId <= 0) return <NotFoundScreen />;
  return <Verification key={incidentId} incidentId={incidentId} />;
}
