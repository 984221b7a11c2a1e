import { Select } from 'antd';
import { useEffect, useMemo, useState, type CSSProperties } from 'react';
import { apiClient } from './api-client';
import type { Grid } from './api-types';
import { useI18n } from './i18n/i18n-context';
import { useErrorMessage } from './use-error-message';

/** Enough for a street (a city has thousands: choose a region first). */
const GRID_LIMIT = 1000;

interface GridSelectProps {
  value?: string | null;
  onChange?: (code: string | undefined) => void;
  /** Only the grids below this region; otherwise every grid of the user's jurisdiction. */
  regionCode?: string;
  placeholder?: string;
  id?: string;
  style?: CSSProperties;
}

/** Picks a grid by name, code or community, among the grids the user may see. */
export function GridSelect({ value, onChange, regionCode, placeholder, id, style }: GridSelectProps) {
  const reportError = useErrorMessage();
  const { t } = useI18n();
  const [grids, setGrids] = useState<Grid[] | null>(null);

  useEffect(() => {
    const controller = new AbortController();
    setGrids(null);
    apiClient
      .listGrids(regionCode, GRID_LIMIT, controller.signal)
      .then(setGrids)
      .catch(reportError);
    return () => controller.abort();
  }, [regionCode, reportError]);

  const options = useMemo(() => {
    const known = (grids ?? []).map((grid) => ({
      value: grid.code,
      label: `${grid.communityName} ${grid.name}`,
      search: `${grid.code} ${grid.communityName} ${grid.name}`,
    }));
    // A grid outside the list (a record's own, beyond the limit) still shows by its code.
    if (value && !known.some((option) => option.value === value)) known.unshift({ value, label: value, search: value });
    return known;
  }, [grids, value]);

  return (
    <Select
      id={id}
      value={value ?? undefined}
      onChange={(code?: string) => onChange?.(code)}
      options={options}
      loading={grids === null}
      showSearch={{ optionFilterProp: 'search' }}
      allowClear
      placeholder={placeholder ?? t('grid.choose')}
      notFoundContent={t('grid.noneToChoose')}
      style={style}
      optionRender={(option) => (
        <span>
          {option.label}
          <span className="monospace" style={{ marginInlineStart: 6, color: 'rgba(0, 0, 0, 0.45)', fontSize: 12 }}>
            {option.value}
          </span>
        </span>
      )}
    />
  );
}
