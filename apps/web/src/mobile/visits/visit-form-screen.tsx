import { VISIT_TARGET_KINDS, VISIT_TARGET_LABELS, type FieldSearchResult, type VisitTargetKind } from '@civicgrid/domain';
import { CheckCircleFilled, EditOutlined } from '@ant-design/icons';
import { Button, DotLoading, TextArea } from 'antd-mobile';
import { useState } from 'react';
import { navigate } from '../../app-location';
import { MOBILE_PATHS } from '../mobile-paths';
import { useOutbox } from '../outbox/outbox-context';
import { OUTBOX_STATE_LABELS } from '../outbox/outbox-item';
import { PhotoCapture } from '../report/photo-capture';
import { POOR_GPS_METRES, useGeolocation } from '../report/use-geolocation';
import { useWorker } from '../session/mobile-session';
import { shortTime } from '../shell/format-time';
import { NotFoundScreen } from '../shell/not-found-screen';
import { useOnline } from '../shell/use-online';
import { CorrectionEditor } from './correction-editor';
import { correctableFieldsOf, correctionsOf, initialEntered, isCorrectable, type EnteredValues } from './correction-fields';
import { useVisitTarget } from './use-visit-target';
import './visits.css';

const NOTE_MAX = 2000;
/** 12月1日 from 2026-12-01. */
const dueDayText = (day: string) => `${Number(day.slice(5, 7))}月${Number(day.slice(8, 10))}日`;
const round = (degrees: number) => Math.round(degrees * 1e6) / 1e6;

/** After 提交: the visit waits in the phone; this follows it, and says which corrections someone else beat. */
function Submitted({ itemId }: { itemId: string }) {
  const { items } = useOutbox();
  const item = items.find((candidate) => candidate.id === itemId);
  const state = item?.state ?? 'pending';
  return (
    <div className="m-submitted" data-testid="visit-submitted">
      <CheckCircleFilled className="m-submitted-icon" />
      <h2>走访已保存到手机</h2>
      <p>
        状态：<span className={`m-state m-state-${state}`} data-testid="submitted-state">{OUTBOX_STATE_LABELS[state]}</span>
        {item?.result && <span> · {item.result.label}</span>}
      </p>
      {item?.result?.notice && (
        <div className="m-visit-conflicts" data-testid="visit-conflicts">
          {item.result.notice.split('\n').map((line) => (
            <p key={line}>{line}</p>
          ))}
        </div>
      )}
      {item?.state === 'conflict' && item.lastError && <p className="m-problem">{item.lastError}</p>}
      <p className="m-note">没有信号也不要紧，有信号后会自动发送，不会重复。</p>
      <Button block color="primary" size="large" className="m-big-button" onClick={() => navigate(MOBILE_PATHS.visits)}>
        返回走访名单
      </Button>
      <Button block size="large" className="m-big-button" onClick={() => navigate(MOBILE_PATHS.me)}>
        查看发送情况
      </Button>
    </div>
  );
}

function Corrections({ kind, target, looking, seen, entered, onOpen, onCancel, onChange }: {
  kind: VisitTargetKind;
  target: { value: FieldSearchResult; savedAt: number } | null;
  looking: boolean;
  seen: FieldSearchResult | null;
  entered: EnteredValues;
  onOpen: () => void;
  onCancel: () => void;
  onChange: (entered: EnteredValues) => void;
}) {
  if (!isCorrectable(kind)) return null;
  return (
    <section className="m-card" data-testid="corrections">
      <h2>更正登记信息</h2>
      {seen ? (
        <>
          <CorrectionEditor fields={correctableFieldsOf(seen)} seen={seen.values} entered={entered} onChange={onChange} />
          <p className="m-note">只发送您改动的项。若有人在此期间改过同一项，以登记为准，并会告诉您。</p>
          <Button size="middle" fill="none" onClick={onCancel}>
            不更正了
          </Button>
        </>
      ) : target ? (
        <>
          <p className="m-note">发现电话、住址、工作单位等与实际不符，可以当场更正。</p>
          <Button block size="large" fill="outline" color="primary" onClick={onOpen} data-testid="open-corrections">
            <EditOutlined /> 更正登记信息
          </Button>
        </>
      ) : looking ? (
        <p className="m-note">
          正在读取登记信息 <DotLoading />
        </p>
      ) : (
        <p className="m-note">手机上还没有这条登记信息，联网打开后才能更正；走访记录照常可以提交。</p>
      )}
    </section>
  );
}

function VisitForm({ targetKind, targetId }: { targetKind: VisitTargetKind; targetId: number }) {
  const worker = useWorker();
  const online = useOnline();
  const { enqueue } = useOutbox();
  const { target, due, looking } = useVisitTarget(worker.userId, targetKind, targetId, online);
  const gps = useGeolocation();
  const [note, setNote] = useState('');
  const [photos, setPhotos] = useState<Blob[]>([]);
  // The values the corrections start from, fixed when the worker opens them: a refresh under their hands must not
  // turn their entries into corrections of values they never saw.
  const [seen, setSeen] = useState<FieldSearchResult | null>(null);
  const [entered, setEntered] = useState<EnteredValues>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [submittedId, setSubmittedId] = useState<string | null>(null);
  const label = target?.value.label ?? due?.label ?? null;
  const address = target?.value.address ?? due?.address ?? null;

  const openCorrections = () => {
    if (!target) return;
    setSeen(target.value);
    setEntered(initialEntered(correctableFieldsOf(target.value), target.value.values));
  };

  const submit = async () => {
    const text = note.trim();
    if (!text) return setProblem('请填写走访情况');
    let corrections: { baseVersion: number; fields: Record<string, { from: unknown; to: unknown }> } | null = null;
    if (seen) {
      const checked = correctionsOf(correctableFieldsOf(seen), seen.values, entered);
      if (!checked.ok) return setProblem(checked.problems.join('；'));
      if (Object.keys(checked.fields).length > 0) corrections = { baseVersion: seen.version, fields: checked.fields };
    }
    setProblem(null);
    const fix = gps.status === 'located' && gps.fix.accuracy <= POOR_GPS_METRES ? gps.fix : null;
    const corrected = corrections ? Object.keys(corrections.fields).length : 0;
    const [item] = await enqueue([
      {
        kind: 'visit',
        title: `走访${VISIT_TARGET_LABELS[targetKind]} ${label ?? targetId}${corrected > 0 ? `，更正 ${corrected} 项登记信息` : ''}`,
        payload: {
          targetKind,
          targetId,
          visitedAt: new Date().toISOString(),
          lon: fix ? round(fix.lon) : null,
          lat: fix ? round(fix.lat) : null,
          note: text,
          corrections,
        },
        photos: photos.map((blob, index) => ({ blob, fileName: `visit-${index + 1}.jpg`, kind: 'other' })),
      },
    ]);
    if (item) setSubmittedId(item.id);
  };

  if (submittedId) return <Submitted itemId={submittedId} />;
  return (
    <form
      className="m-stack"
      data-testid="visit-form"
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <section className="m-card m-visit-target" data-testid="visit-target">
        <div className="m-visit-target-name">
          <span className={`m-tag m-visit-kind-${targetKind}`}>{VISIT_TARGET_LABELS[targetKind]}</span>
          <strong>{label ?? `编号 ${targetId}`}</strong>
        </div>
        {address && <div className="m-note">{address}</div>}
        {due && <div className="m-note">应走访日期：{dueDayText(due.nextVisitOn)}</div>}
        {target && !online && <div className="m-note">登记信息为 {shortTime(target.savedAt)} 保存在手机上的</div>}
      </section>

      <section className="m-card">
        <h2>
          <label htmlFor="visit-note">走访情况</label>
        </h2>
        <TextArea
          id="visit-note"
          placeholder="见到了谁、家里情况、反映了什么问题"
          value={note}
          onChange={setNote}
          maxLength={NOTE_MAX}
          autoSize={{ minRows: 3, maxRows: 8 }}
        />
      </section>

      <section className="m-card">
        <h2>现场照片</h2>
        <PhotoCapture photos={photos} onChange={setPhotos} />
      </section>

      <Corrections
        kind={targetKind}
        target={target}
        looking={looking}
        seen={seen}
        entered={entered}
        onOpen={openCorrections}
        onCancel={() => setSeen(null)}
        onChange={setEntered}
      />

      {problem && (
        <div className="m-problem" role="alert" data-testid="visit-problem">
          {problem}
        </div>
      )}
      <Button block type="submit" color="primary" size="large" className="m-big-button m-submit">
        提交走访
      </Button>
    </form>
  );
}

/** 走访 one person or house: /m/visits/:targetKind/:targetId. */
export function VisitFormScreen({ params }: { params: Record<string, string> }) {
  const kind = VISIT_TARGET_KINDS.find((candidate) => candidate === params.targetKind);
  const id = Number(params.targetId);
  if (!kind || !Number.isInteger(id) || id <= 0) return <NotFoundScreen />;
  // A new target is a new form, not the last one's entries.
  return <VisitForm key={`${kind}:${id}`} targetKind={kind} targetId={id} />;
}
