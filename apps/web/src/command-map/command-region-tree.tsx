import { Spin, Tree, type TreeDataNode } from 'antd';
import { useCallback, useEffect, useMemo, useRef, useState, type Key } from 'react';
import { apiClient } from '../api-client';
import type { Region } from '../api-types';
import { useErrorMessage } from '../use-error-message';

const ROOT = '';

interface CommandRegionTreeProps {
  /** The region codes from the top down to the node being looked at: they are opened and the last one selected. */
  path: string[];
  onSelect: (code: string) => void;
}

/** The region tree beside the command map; it follows the drill-down and drills down when a region is clicked. */
export function CommandRegionTree({ path, onSelect }: CommandRegionTreeProps) {
  const reportError = useErrorMessage();
  const [childrenOf, setChildrenOf] = useState<Map<string, Region[]>>(new Map());
  const [expanded, setExpanded] = useState<Key[]>([]);

  // Children asked for once, whether the tree opens a region or the drill-down does.
  const requested = useRef(new Set<string>());
  const load = useCallback(async (parent: string) => {
    if (requested.current.has(parent)) return;
    requested.current.add(parent);
    try {
      const children = await apiClient.listRegions(parent === ROOT ? undefined : parent);
      setChildrenOf((previous) => new Map(previous).set(parent, children));
    } catch (error) {
      requested.current.delete(parent);
      reportError(error);
    }
  }, [reportError]);

  useEffect(() => {
    void load(ROOT);
  }, [load]);

  const pathKey = path.join('/');
  useEffect(() => {
    // Open every region on the way to the node; their children load as they open.
    const above = path.slice(0, -1).length > 0 ? path.slice(0, -1) : path.slice(0, 1);
    setExpanded((previous) => [...new Set([...previous.map(String), ...above])]);
    for (const code of above) void load(code);
  }, [pathKey]);

  const treeData = useMemo(() => {
    const build = (parent: string): TreeDataNode[] | undefined => childrenOf.get(parent)?.map((region) => ({
      key: region.code,
      title: <span className="region-tree-title"><span>{region.name}</span><span className="region-tree-count">{region.gridCount}</span></span>,
      isLeaf: region.childCount === 0,
      children: build(region.code),
    }));
    return build(ROOT) ?? [];
  }, [childrenOf]);

  if (!childrenOf.has(ROOT)) return <Spin style={{ margin: 48 }} />;
  return (
    <div data-testid="command-region-tree">
      <Tree
        blockNode
        showLine
        treeData={treeData}
        loadData={(node) => load(String(node.key))}
        expandedKeys={expanded}
        onExpand={(keys) => setExpanded(keys)}
        selectedKeys={path.length > 0 ? [path[path.length - 1]!] : []}
        onSelect={(_keys, info) => onSelect(String(info.node.key))}
      />
    </div>
  );
}
