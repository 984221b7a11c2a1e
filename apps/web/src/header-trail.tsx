import { Breadcrumb, Typography } from 'antd';

export interface TrailItem {
  key: string;
  title: string;
  /** A link: where it points, and what following it does in the console. */
  link?: { href: string; onOpen: () => void };
}

function TrailEntry({ item }: { item: TrailItem }) {
  const text = (
    <Typography.Text ellipsis={{ tooltip: item.title }} style={{ color: 'inherit' }}>
      {item.title}
    </Typography.Text>
  );
  if (!item.link) return text;
  const { href, onOpen } = item.link;
  return (
    <a
      href={href}
      onClick={(event) => {
        event.preventDefault();
        onOpen();
      }}
    >
      {text}
    </a>
  );
}

/**
 * A trail in the header (事件中心 / 事件详情, 淄博市 / 张店区 / …) on one line: whole when the navigation leaves it the
 * room, otherwise each entry cut short with an ellipsis and shown whole in a tooltip.
 */
export function HeaderTrail({ items, testId }: { items: TrailItem[]; testId?: string }) {
  return <Breadcrumb className="header-trail" items={items.map((item) => ({ key: item.key, title: <TrailEntry item={item} /> }))} data-testid={testId} />;
}
