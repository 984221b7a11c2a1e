import { Select } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import type { IncidentDetail } from './api-types';
import { useI18n } from './i18n/i18n-context';
import { incidentApi } from './incident-api';

interface IncidentSearchSelectProps {
  /** The incident being merged: its possible duplicates are offered first, and it is never offered itself. */
  incident: IncidentDetail;
  value?: number;
  onChange?: (id: number) => void;
  id?: string;
}

const SEARCH_DELAY_MS = 300;

/** Picks another incident: one of the possible duplicates, or any found by code or text. */
export function IncidentSearchSelect({ incident, value, onChange, id }: IncidentSearchSelectProps) {
  const { t } = useI18n();
  const [query, setQuery] = useState('');
  const [found, setFound] = useState<{ value: number; label: string }[]>([]);

  useEffect(() => {
    const text = query.trim();
    if (!text) {
      setFound([]);
      return;
    }
    const controller = new AbortController();
    const timer = window.setTimeout(() => {
      incidentApi
        .list({ queue: 'all', q: text, page: 1, pageSize: 10 }, controller.signal)
        .then((page) => setFound(page.items.map((item) => ({ value: item.id, label: `${item.code} ${item.title ?? item.description}` }))))
        .catch(() => undefined);
    }, SEARCH_DELAY_MS);
    return () => {
      window.clearTimeout(timer);
      controller.abort();
    };
  }, [query]);

  const options = useMemo(() => {
    const duplicates = incident.possibleDuplicates.map((duplicate) => ({
      value: duplicate.id,
      label: t('incident.search.option', { code: duplicate.code, description: duplicate.description, metres: Math.round(duplicate.distanceMetres) }),
    }));
    const seen = new Set(duplicates.map((option) => option.value));
    return [...duplicates, ...found.filter((option) => !seen.has(option.value))].filter((option) => option.value !== incident.id);
  }, [incident, found, t]);

  return (
    <Select
      id={id}
      showSearch={{ filterOption: false, onSearch: setQuery }}
      value={value}
      onChange={onChange}
      options={options}
      placeholder={t('incident.search.placeholder')}
      notFoundContent={query ? t('incident.search.none') : t('incident.search.placeholder')}
    />
  );
}
