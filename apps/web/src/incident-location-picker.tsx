import { AimOutlined, EnvironmentOutlined } from '@ant-design/icons';
import { Alert, Button, Flex, InputNumber, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { ApiError, apiClient } from './api-client';
import type { GridFeatureCollection, GridLocation, RegionDetail } from './api-types';
import { boundingBoxOfGrids } from './bounding-box';
import { useI18n } from './i18n/i18n-context';
import { IncidentLocationMap } from './incident-location-map';
import { mapControlLocale } from './map-control-locale';
import { useCurrentUser } from './session-context';
import { errorMessageOf } from './use-error-message';
import { regionCodeOfUser } from './user-area';

export interface PickedPoint {
  lon: number;
  lat: number;
}

interface IncidentLocationPickerProps {
  /** The point, as a form field holds it. */
  value?: PickedPoint | null;
  onChange?: (point: PickedPoint | null) => void;
  /** Told which grid the point lies in (null outside every grid), e.g. to suggest an address. */
  onLocated?: (location: GridLocation | null) => void;
  id?: string;
}

const round = (degrees: number) => Math.round(degrees * 1e6) / 1e6;

function LocatedGrid({ location, problem }: { location: GridLocation | null | undefined; problem: string | null }) {
  const { t } = useI18n();
  if (problem) return <Alert type="warning" showIcon title={problem} />;
  if (location === undefined) return <Typography.Text type="secondary">{t('location.hint')}</Typography.Text>;
  if (location === null) return <Alert type="warning" showIcon title={t('location.outside')} />;
  const regions = location.ancestors.filter((region) => region.level !== 'city').map((region) => region.name);
  return (
    <Typography.Text data-testid="located-grid">
      <EnvironmentOutlined style={{ color: '#1677ff', marginInlineEnd: 6 }} />
      {t('location.grid', { path: [...regions, location.grid.name].join(' / ') })}
    </Typography.Text>
  );
}

/** Where the problem is: a click on the map of the user's own area (with its grids), or typed coordinates. */
export function IncidentLocationPicker({ value, onChange, onLocated, id }: IncidentLocationPickerProps) {
  const user = useCurrentUser();
  const regionCode = regionCodeOfUser(user);
  const { t } = useI18n();
  const [grids, setGrids] = useState<GridFeatureCollection | null>(null);
  const [region, setRegion] = useState<RegionDetail | null>(null);
  const [location, setLocation] = useState<GridLocation | null | undefined>(undefined);
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    if (!regionCode) return;
    const controller = new AbortController();
    apiClient.getRegion(regionCode, controller.signal).then(setRegion).catch(() => undefined);
    apiClient.gridsGeoJson(regionCode, controller.signal).then(setGrids).catch(() => undefined);
    return () => controller.abort();
  }, [regionCode]);

  const lon = value?.lon;
  const lat = value?.lat;
  useEffect(() => {
    if (lon === undefined || lat === undefined) return;
    const controller = new AbortController();
    apiClient
      .locateGrid(lon, lat, controller.signal)
      .then((found) => {
        setLocation(found);
        setProblem(null);
        onLocated?.(found);
      })
      .catch((error: unknown) => {
        if (controller.signal.aborted) return;
        const outside = error instanceof ApiError && error.status === 404;
        setLocation(outside ? null : undefined);
        setProblem(outside ? null : error instanceof Error ? errorMessageOf(error) : t('location.unknownGrid'));
        onLocated?.(null);
      });
    return () => controller.abort();
    // onLocated is a callback of the form; a new one must not locate again.
  }, [lon, lat]);

  const bounds = useMemo(() => (grids ? boundingBoxOfGrids(grids.features) : null) ?? region?.bbox ?? null, [grids, region]);
  const point: [number, number] | null = lon !== undefined && lat !== undefined ? [lon, lat] : null;
  const pick = (nextLon: number, nextLat: number) => onChange?.({ lon: round(nextLon), lat: round(nextLat) });

  // Typed coordinates count once both are filled in.
  const [draft, setDraft] = useState<{ lon?: number | null; lat?: number | null }>({});
  useEffect(() => setDraft({ lon, lat }), [lon, lat]);
  const type = (next: { lon?: number | null; lat?: number | null }) => {
    setDraft(next);
    if (typeof next.lon === 'number' && typeof next.lat === 'number') pick(next.lon, next.lat);
  };

  const useCurrentPosition = () => {
    navigator.geolocation.getCurrentPosition(
      (position) => pick(position.coords.longitude, position.coords.latitude),
      () => setProblem(t('location.noPosition')),
      { enableHighAccuracy: true, timeout: 10_000 },
    );
  };

  return (
    <Flex vertical gap={8} id={id}>
      <div style={{ position: 'relative', height: 460, borderRadius: 6, overflow: 'hidden', border: '1px solid #d9d9d9' }}>
        <IncidentLocationMap
          point={point}
          grids={grids}
          selectedGridCode={location?.grid.code ?? null}
          bounds={bounds}
          onPick={pick}
          testId="location-picker-map"
          controlLocale={mapControlLocale(t)}
        />
      </div>
      <Flex gap={8} wrap align="center">
        <InputNumber<number>
          prefix={t('location.lon')}
          value={draft.lon}
          min={73}
          max={136}
          step={0.0001}
          precision={6}
          onChange={(next) => type({ ...draft, lon: next })}
          style={{ width: 190 }}
          aria-label={t('location.lon')}
        />
        <InputNumber<number>
          prefix={t('location.lat')}
          value={draft.lat}
          min={3}
          max={54}
          step={0.0001}
          precision={6}
          onChange={(next) => type({ ...draft, lat: next })}
          style={{ width: 190 }}
          aria-label={t('location.lat')}
        />
        {'geolocation' in navigator && (
          <Button icon={<AimOutlined />} onClick={useCurrentPosition}>
            {t('location.useCurrent')}
          </Button>
        )}
      </Flex>
      <LocatedGrid location={location} problem={problem} />
    </Flex>
  );
}
