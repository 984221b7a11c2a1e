import { Button, Dialog, Toast } from 'antd-mobile';
import { useState } from 'react';
import type { FieldGridView } from '@civicgrid/domain';
import { gridCodesOfUser } from '../../user-area';
import { readCached } from '../data/cached-resource';
import { FIELD_GRIDS_CACHE } from '../data/field-api';
import { useOutbox } from '../outbox/outbox-context';
import { WAITING_STATES } from '../outbox/outbox-item';
import { useMobileSession, useWorker } from '../session/mobile-session';
import { useOnline } from '../shell/use-online';
import { OutboxItemCard } from './outbox-item-card';

/** 我的: who is signed in, every item of the outbox with its state, and 退出登录. */
export function MeScreen() {
  const worker = useWorker();
  const { signOut } = useMobileSession();
  const online = useOnline();
  const { items, loaded } = useOutbox();
  const [signingOut, setSigningOut] = useState(false);
  const newestFirst = [...items].reverse();
  const waiting = items.filter((item) => WAITING_STATES.includes(item.state) || item.state === 'conflict').length;
  const sent = items.filter((item) => item.state === 'sent').length;
  // Named as the home screen last read them; codes when it never could.
  const gridNames = readCached<FieldGridView[]>(worker.userId, FIELD_GRIDS_CACHE)?.value.map((grid) => grid.name) ?? gridCodesOfUser(worker);

  const leave = async () => {
    if (!online) {
      Toast.show({ content: '退出登录需要联网' });
      return;
    }
    if (waiting > 0) {
      const confirmed = await Dialog.confirm({
        title: `还有 ${waiting} 条没有发送`,
        content: '退出后它们仍保存在这台手机上，但要等您再次登录后才会发送。确定退出吗？',
        confirmText: '仍然退出',
        cancelText: '不退出',
      });
      if (!confirmed) return;
    }
    setSigningOut(true);
    try {
      await signOut();
    } catch (error) {
      Toast.show({ icon: 'fail', content: error instanceof Error ? error.message : '退出失败，请重试' });
      setSigningOut(false);
    }
  };

  return (
    <div className="m-stack" data-testid="me-screen">
      <section className="m-card m-profile">
        <strong>{worker.displayName}</strong>
        <div className="m-note">
          {worker.roleLabel} · 账号 {worker.username}
        </div>
        <div className="m-note">负责网格：{gridNames.join('、') || '无'}</div>
      </section>

      <section className="m-card" data-testid="outbox">
        <h2>
          发送记录
          <span className="m-note m-outbox-summary" data-testid="outbox-summary">
            {waiting > 0 ? `${waiting} 条未完成` : '全部已送达'} · {sent} 条已送达（保留 7 天）
          </span>
        </h2>
        {loaded && items.length === 0 && <p className="m-note">还没有上报或报平安的记录</p>}
        <ul className="m-outbox-list">
          {newestFirst.map((item) => (
            <OutboxItemCard key={item.id} item={item} />
          ))}
        </ul>
      </section>

      <Button block color="danger" fill="outline" size="large" className="m-big-button" loading={signingOut} onClick={() => void leave()}>
        退出登录
      </Button>
    </div>
  );
}
