import { RightOutlined } from '@ant-design/icons';
import { Collapse, List, Popup, SearchBar } from 'antd-mobile';
import { useMemo, useState } from 'react';
import type { CategoryTreeNode, CategoryView } from '../../api-types';

interface CategoryFieldProps {
  value: number | null;
  onChange: (categoryId: number | null) => void;
  /** the category tree as last read (kept on the phone) */
  categories: CategoryTreeNode[] | null;
  recentIds: number[];
}

interface Choice {
  category: CategoryView;
  parentName: string;
}

function choicesOf(categories: CategoryTreeNode[]): Choice[] {
  return categories.flatMap((parent) => parent.children.filter((child) => child.enabled).map((category) => ({ category, parentName: parent.name })));
}

/** 事件分类: the worker's recent ones first, a search over every subcategory, or the whole tree. Optional. */
export function CategoryField({ value, onChange, categories, recentIds }: CategoryFieldProps) {
  const [open, setOpen] = useState(false);
  const [query, setQuery] = useState('');
  const choices = useMemo(() => choicesOf(categories ?? []), [categories]);
  const chosen = choices.find((choice) => choice.category.id === value) ?? null;
  const recent = recentIds.map((id) => choices.find((choice) => choice.category.id === id)).filter((choice): choice is Choice => choice !== undefined);
  const words = query.trim();
  const found = words ? choices.filter((choice) => choice.category.name.includes(words) || choice.parentName.includes(words)) : [];

  const choose = (categoryId: number | null) => {
    onChange(categoryId);
    setOpen(false);
    setQuery('');
  };

  return (
    <>
      <div className="m-recent-categories" data-testid="recent-categories">
        {recent.length > 0 && <span className="m-field-hint">最近使用</span>}
        {recent.map((choice) => (
          <button
            key={choice.category.id}
            type="button"
            className={`m-chip${choice.category.id === value ? ' m-chip-active' : ''}`}
            onClick={() => onChange(choice.category.id === value ? null : choice.category.id)}
          >
            {choice.category.name}
          </button>
        ))}
      </div>
      <button type="button" className="m-select" onClick={() => setOpen(true)} data-testid="category-field">
        <span className={chosen ? undefined : 'm-placeholder'}>{chosen ? `${chosen.parentName} / ${chosen.category.name}` : categories ? '选择或搜索分类（可不选）' : '联网后可选分类（可不选）'}</span>
        <RightOutlined />
      </button>
      <Popup visible={open} onMaskClick={() => setOpen(false)} onClose={() => setOpen(false)} bodyClassName="m-category-popup" destroyOnClose>
        <div className="m-category-popup-head">
          <SearchBar placeholder="输入关键字，如：垃圾、井盖" value={query} onChange={setQuery} showCancelButton onCancel={() => setOpen(false)} cancelText="关闭" />
        </div>
        <div className="m-category-popup-body" data-testid="category-popup">
          {words ? (
            <List header={`找到 ${found.length} 个分类`}>
              {found.map((choice) => (
                <List.Item key={choice.category.id} description={choice.parentName} onClick={() => choose(choice.category.id)} arrowIcon={false}>
                  {choice.category.name}
                </List.Item>
              ))}
            </List>
          ) : (
            <>
              {value !== null && (
                <List>
                  <List.Item onClick={() => choose(null)} arrowIcon={false}>
                    不选分类
                  </List.Item>
                </List>
              )}
              <Collapse accordion>
                {(categories ?? []).map((parent) => (
                  <Collapse.Panel key={String(parent.id)} title={parent.name}>
                    <List>
                      {parent.children.filter((child) => child.enabled).map((child) => (
                        <List.Item key={child.id} onClick={() => choose(child.id)} arrowIcon={false}>
                          {child.name}
                        </List.Item>
                      ))}
                    </List>
                  </Collapse.Panel>
                ))}
              </Collapse>
            </>
          )}
        </div>
      </Popup>
    </>
  );
}
