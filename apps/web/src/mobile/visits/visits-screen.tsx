import { VISIT_TARGET_LABELS, type FieldSearchResult, type VisitDueView } from '@civicgrid/domain';
import { DotLoading, List, SearchBar } from 'antd-mobile';
import { useEffect, useState } from 'react';
import { navigate } from '../../app-location';
import { useCachedResource } from '../data/cached-resource';
import { fieldApi } from '../data/field-api';
import { MOBILE_PATHS, fillPath } from '../mobile-paths';
import { useOutbox } from '../outbox/outbox-context';
import { OUTBOX_STATE_LABELS, type AnyOutboxItem, type OutboxItem } from '../outbox/outbox-item';
import { useWorker } from '../session/mobile-session';
import { KeptDataNote } from '../shell/kept-data-note';
import { localDay } from '../shell/local-day';
import { useOnline } from '../shell/use-online';
import { SEARCH_MIN_LENGTH, useFieldSearch, useReadAheadDueTargets } from './use-visit-lookups';
import './visits.css';

const isVisit = (item: AnyOutboxItem): item is OutboxItem<'visit'> => item.kind === 'visit';

const openVisit = (targetKind: string, targetId: number) => navigate(fillPath(MOBILE_PATHS.visit, { targetKind, targetId }));

/** 12月1日 from 2026-12-01. */
const dayText = (day: string) => `${Number(day.slice(5, 7))}月${Number(day.slice(8, 10))}日`;

function SearchResults({ online, query, results, searching, problem }: { online: boolean; query: string } & ReturnType<typeof useFieldSearch>) {
  if (!online) {
    return (
      <p className="m-note m-visits-offline" data-testid="search-offline">
        离线时不能查找。请到有信号的地方再查；下面「待走访」名单里的对象照常可以走访。
      </p>
    );
  }
  if (query.trim().length < SEARCH_MIN_LENGTH) return <p className="m-note">输入姓名、地址、电话或身份证号后几位，至少 {SEARCH_MIN_LENGTH} 个字</p>;
  if (problem) return <p className="m-problem">{problem}</p>;
  if (!results) {
    return (
      <p className="m-note">
        正在查找 <DotLoading />
      </p>
    );
  }
  if (results.length === 0) return <p className="m-note">在您负责的网格里没有找到「{query.trim()}」</p>;
  return (
    <>
      <p className="m-note">在您负责的网格里找到 {results.length} 个</p>
      <List className="m-visit-results" data-testid="search-results">
        {results.map((result: FieldSearchResult) => (
          <List.Item
            key={`${result.kind}:${result.id}`}
            prefix={<span className={`m-tag m-visit-kind-${result.kind}`}>{VISIT_TARGET_LABELS[result.kind]}</span>}
            description={result.address ?? '无地址'}
            onClick={() => openVisit(result.kind, result.id)}
            data-testid="search-result"
          >
            {result.label}
          </List.Item>
        ))}
        {searching && (
          <List.Item>
            <DotLoading />
          </List.Item>
        )}
      </List>
    </>
  );
}

function DueItem({ due, waiting }: { due: VisitDueView; waiting: OutboxItem<'visit'> | undefined }) {
  const overdue = due.nextVisitOn < localDay();
  return (
    <List.Item
      prefix={<span className={`m-tag m-visit-kind-${due.targetKind}`}>{VISIT_TARGET_LABELS[due.targetKind]}</span>}
      description={`${due.address ?? '无地址'}${due.lastVisitedAt ? ` · 上次 ${dayText(localDay(new Date(due.lastVisitedAt)))}` : ''}`}
      extra={
        waiting ? (
          <span className={`m-state m-state-${waiting.state}`}>已走访 · {OUTBOX_STATE_LABELS[waiting.state]}</span>
        ) : (
          <span className={overdue ? 'm-visit-due m-visit-overdue' : 'm-visit-due'}>{overdue ? `${dayText(due.nextVisitOn)} 已到期` : '今天到期'}</span>
        )
      }
      onClick={() => openVisit(due.targetKind, due.targetId)}
      data-testid="visit-due-item"
    >
      {due.label}
    </List.Item>
  );
}

/**
 * 走访: find a person or house in my grids (online), or take one from the visits due (kept on the phone); either
 * opens the visit form.
 */
export function VisitsScreen() {
  const worker = useWorker();
  const online = useOnline();
  const { items } = useOutbox();
  const [query, setQuery] = useState('');
  const search = useFieldSearch(worker.userId, query, online);
  const due = useCachedResource(worker.userId, 'visits-due', fieldApi.visitsDue);
  useReadAheadDueTargets(worker.userId, due.value?.items ?? null, due.fresh);

  const visits = items.filter(isVisit);
  const waitingFor = (target: VisitDueView) =>
    visits.find((item) => item.state !== 'sent' && item.payload.targetKind === target.targetKind && item.payload.targetId === target.targetId);
  // A visit went through: the server moves the record's next visit, and the list drops it.
  const sent = visits.filter((item) => item.state === 'sent').length;
  const { reload } = due;
  useEffect(() => {
    if (sent > 0) reload();
  }, [sent, reload]);

  return (
    <div className="m-stack" data-testid="visits-screen">
      <section className="m-card">
        <h2>查找走访对象</h2>
        <SearchBar
          placeholder="姓名、地址、电话"
          value={query}
          onChange={setQuery}
          className="m-visit-search"
          data-testid="visit-search"
        />
        <SearchResults online={online} query={query} {...search} />
      </section>

      <section className="m-card m-card-flush" data-testid="visits-due">
        <List header={<span className="m-list-header">待走访 <span className="m-count">{due.value?.total ?? '—'}</span></span>}>
          {due.value?.items.map((item) => (
            <DueItem key={`${item.targetKind}:${item.targetId}`} due={item} waiting={waitingFor(item)} />
          ))}
          {due.value?.items.length === 0 && <List.Item>今天没有到期要走访的人员和房屋</List.Item>}
        </List>
        <KeptDataNote resource={due} />
      </section>
    </div>
  );
}
