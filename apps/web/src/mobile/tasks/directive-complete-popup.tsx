import { DIRECTIVE_KIND_LABELS, type MyDirectiveTarget } from '@civicgrid/domain';
import { Button, Popup, TextArea } from 'antd-mobile';
import { useState } from 'react';
import { useOutbox } from '../outbox/outbox-context';
import { shortTime } from '../shell/format-time';
import './tasks.css';

/** The server's limit on a completion note (directiveCompleteSchema). */
const NOTE_MAX = 2000;

/**
 * One directive task, read in full, and the tap that reports it done. The completion goes through the outbox, so it
 * works where there is no signal; the list then shows it as waiting instead of offering it again.
 */
export function DirectiveCompletePopup({ target, onClose }: { target: MyDirectiveTarget | null; onClose: () => void }) {
  return (
    <Popup visible={target !== null} onMaskClick={onClose} onClose={onClose} bodyClassName="m-directive-popup" destroyOnClose>
      {target && <DirectiveCompleteForm target={target} onDone={onClose} />}
    </Popup>
  );
}

function DirectiveCompleteForm({ target, onDone }: { target: MyDirectiveTarget; onDone: () => void }) {
  const { enqueue } = useOutbox();
  const [note, setNote] = useState('');
  const [submitting, setSubmitting] = useState(false);

  const complete = async () => {
    setSubmitting(true);
    try {
      const text = note.trim();
      await enqueue([
        {
          kind: 'directive_complete',
          title: target.title,
          payload: { directiveId: target.directiveId, targetId: target.targetId, title: target.title, note: text || null },
        },
      ]);
      onDone();
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <div className="m-directive-form" data-testid="directive-popup">
      <div className="m-note">
        {DIRECTIVE_KIND_LABELS[target.kind]} · {target.gridName}
        {target.issuedByName && ` · ${target.issuedByName}下发`}
      </div>
      <h2 className="m-directive-title">{target.title}</h2>
      <p className="m-directive-content">{target.content}</p>
      {target.dueAt && (
        <p className="m-directive-due" data-testid="directive-due">
          {shortTime(target.dueAt)} 前完成
        </p>
      )}
      <label className="m-directive-label" htmlFor="directive-note">
        完成情况<span className="m-note">选填</span>
      </label>
      <TextArea
        id="directive-note"
        placeholder="做了什么、发现了什么"
        value={note}
        onChange={setNote}
        maxLength={NOTE_MAX}
        autoSize={{ minRows: 2, maxRows: 5 }}
      />
      <Button block color="primary" size="large" className="m-big-button" loading={submitting} onClick={() => void complete()}>
        标记完成
      </Button>
    </div>
  );
}
