import type { RegionLevel } from '@civicgrid/domain';
import { Cascader } from 'antd';
import { useEffect, useState } from 'react';
import { apiClient } from './api-client';
import type { Region } from './api-types';
import { useI18n } from './i18n/i18n-context';
import { useErrorMessage } from './use-error-message';

interface RegionOption {
  value: string;
  label: string;
  isLeaf: boolean;
  children?: RegionOption[];
}

interface RegionCascaderProps {
  /** The chosen region's code, as a form field holds it. */
  value?: string | null;
  onChange?: (code: string | undefined) => void;
  /** Only regions of this level can be chosen (an operator works at one level); otherwise any level. */
  level?: RegionLevel;
  placeholder?: string;
  id?: string;
}

/** Picks a region from the lazily loaded tree 市 → 区县 → 镇街 → 村社区. */
export function RegionCascader({ value, onChange, level, placeholder, id }: RegionCascaderProps) {
  const reportError = useErrorMessage();
  const { t } = useI18n();
  const [options, setOptions] = useState<RegionOption[]>([]);
  const [path, setPath] = useState<string[]>([]);
  // A value set from outside (a default, a restored filter) is shown by name, with its ancestors, before any is loaded.
  const [knownPath, setKnownPath] = useState<{ codes: string[]; names: Record<string, string> } | null>(null);

  useEffect(() => {
    if (!value || path[path.length - 1] === value || knownPath?.codes[knownPath.codes.length - 1] === value) return;
    const controller = new AbortController();
    apiClient
      .getRegion(value, controller.signal)
      .then((region) => {
        const chain = [...region.ancestors, region];
        setKnownPath({
          codes: chain.map((entry) => entry.code),
          names: Object.fromEntries(chain.map((entry) => [entry.code, entry.name])),
        });
      })
      .catch(() => undefined);
    return () => controller.abort();
  }, [value, path, knownPath]);

  useEffect(() => {
    const controller = new AbortController();
    apiClient
      .listRegions(undefined, controller.signal)
      .then((regions) => setOptions(regions.map((region) => optionOf(region, level))))
      .catch(reportError);
    return () => controller.abort();
  }, [level, reportError]);

  const loadData = async (selected: RegionOption[]) => {
    const target = selected[selected.length - 1];
    if (!target || target.children) return;
    try {
      const children = await apiClient.listRegions(target.value);
      // Cascader's documented lazy-loading pattern: attach the children to the option and re-render.
      target.children = children.map((region) => optionOf(region, level));
      setOptions((current) => [...current]);
    } catch (error) {
      reportError(error);
    }
  };

  const fromOutside = knownPath && knownPath.codes[knownPath.codes.length - 1] === value ? knownPath : null;
  const shownPath = value ? (path[path.length - 1] === value ? path : (fromOutside?.codes ?? [value])) : [];
  return (
    <Cascader<RegionOption>
      id={id}
      options={options}
      loadData={loadData}
      value={shownPath}
      changeOnSelect={level === undefined}
      placeholder={placeholder ?? t('region.choose')}
      displayRender={(labels) => labels.map((label) => (typeof label === 'string' ? (fromOutside?.names[label] ?? label) : label)).join(' / ')}
      onChange={(codes) => {
        const next = (codes ?? []).map(String);
        setPath(next);
        onChange?.(next[next.length - 1]);
      }}
      allowClear
      style={{ width: '100%' }}
    />
  );
}

function optionOf(region: Region, level: RegionLevel | undefined): RegionOption {
  return { value: region.code, label: region.name, isLeaf: region.childCount === 0 || region.level === level };
}
