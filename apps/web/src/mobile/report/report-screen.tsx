import { CheckCircleFilled } from '@ant-design/icons';
import { Button, TextArea } from 'antd-mobile';
import { useState } from 'react';
import { apiClient } from '../../api-client';
import { navigate } from '../../app-location';
import { incidentApi } from '../../incident-api';
import { regionCodeOfUser } from '../../user-area';
import { useCachedResource } from '../data/cached-resource';
import { MOBILE_PATHS } from '../mobile-paths';
import { useOutbox } from '../outbox/outbox-context';
import { OUTBOX_STATE_LABELS } from '../outbox/outbox-item';
import { useWorker } from '../session/mobile-session';
import { CategoryField } from './category-field';
import { LocationField, type ReportPoint } from './location-field';
import { PhotoCapture } from './photo-capture';
import { recentCategoryIds, recordRecentCategory } from './recent-categories';

const DESCRIPTION_MAX = 500;

/** After 提交: the report waits in the phone; this follows it until the server has it. */
function Submitted({ itemId, onAnother }: { itemId: string; onAnother: () => void }) {
  const { items } = useOutbox();
  const item = items.find((candidate) => candidate.id === itemId);
  const state = item?.state ?? 'pending';
  return (
    <div className="m-submitted" data-testid="report-submitted">
      <CheckCircleFilled className="m-submitted-icon" />
      <h2>已保存到手机</h2>
      <p>
        状态：<span className={`m-state m-state-${state}`} data-testid="submitted-state">{OUTBOX_STATE_LABELS[state]}</span>
        {item?.result && <span> · {item.result.label}</span>}
      </p>
      <p className="m-note">没有信号也不要紧，有信号后会自动发送，不会重复。</p>
      <Button block color="primary" size="large" className="m-big-button" onClick={onAnother}>
        再报一条
      </Button>
      <Button block size="large" className="m-big-button" onClick={() => navigate(MOBILE_PATHS.me)}>
        查看发送情况
      </Button>
    </div>
  );
}

/** 上报: photo, place, category, one sentence, 提交. It returns at once: the outbox sends it when it can. */
export function ReportScreen() {
  const worker = useWorker();
  const { enqueue } = useOutbox();
  const regionCode = regionCodeOfUser(worker);
  const categories = useCachedResource(worker.userId, 'incident-categories', incidentApi.categories);
  const grids = useCachedResource(worker.userId, `grids-geojson:${regionCode ?? ''}`, (signal) =>
    regionCode ? apiClient.gridsGeoJson(regionCode, signal) : Promise.resolve(null),
  );
  const [photos, setPhotos] = useState<Blob[]>([]);
  const [point, setPoint] = useState<ReportPoint | null>(null);
  const [categoryId, setCategoryId] = useState<number | null>(null);
  const [description, setDescription] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [submittedId, setSubmittedId] = useState<string | null>(null);
  const [recentIds, setRecentIds] = useState(() => recentCategoryIds(worker.userId));
  // A new form (再报一条) starts a new location too: the worker has walked on.
  const [formKey, setFormKey] = useState(0);

  const submit = async () => {
    const text = description.trim();
    if (!text) return setProblem('请用一句话说明问题');
    if (!point) return setProblem('还没有位置：请等 GPS 定位，或在地图上点出事发位置');
    setProblem(null);
    const [item] = await enqueue([
      {
        kind: 'incident_report',
        title: text.length > 40 ? `${text.slice(0, 40)}…` : text,
        payload: { categoryId, description: text, lon: point.lon, lat: point.lat },
        photos: photos.map((blob, index) => ({ blob, fileName: `photo-${index + 1}.jpg`, kind: 'before' })),
      },
    ]);
    if (categoryId !== null) {
      recordRecentCategory(worker.userId, categoryId);
      setRecentIds(recentCategoryIds(worker.userId));
    }
    if (item) setSubmittedId(item.id);
  };

  const another = () => {
    setPhotos([]);
    setPoint(null);
    setCategoryId(null);
    setDescription('');
    setSubmittedId(null);
    setFormKey((key) => key + 1);
  };

  if (submittedId) return <Submitted itemId={submittedId} onAnother={another} />;
  return (
    <form
      key={formKey}
      className="m-stack m-report"
      data-testid="report-form"
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <section className="m-card">
        <h2>现场照片</h2>
        <PhotoCapture photos={photos} onChange={setPhotos} />
      </section>
      <section className="m-card">
        <h2>事发位置</h2>
        <LocationField value={point} onChange={setPoint} grids={grids.value} />
      </section>
      <section className="m-card">
        <h2>事件分类</h2>
        <CategoryField value={categoryId} onChange={setCategoryId} categories={categories.value} recentIds={recentIds} />
      </section>
      <section className="m-card">
        <h2>
          <label htmlFor="report-description">问题描述</label>
        </h2>
        <TextArea
          id="report-description"
          placeholder="一句话说明：什么问题、在哪里，例如：新华路12号门口井盖缺失"
          value={description}
          onChange={setDescription}
          maxLength={DESCRIPTION_MAX}
          showCount
          autoSize={{ minRows: 3, maxRows: 6 }}
        />
      </section>
      {problem && (
        <div className="m-problem" role="alert" data-testid="report-problem">
          {problem}
        </div>
      )}
      <Button block type="submit" color="primary" size="large" className="m-big-button m-submit">
        提交
      </Button>
    </form>
  );
}
