import { useMemo } from 'react';
import type { BoundingBox, GridFeatureCollection } from '../../api-types';
import { boundingBoxOfGrids } from '../../bounding-box';
import { IncidentLocationMap } from '../../incident-location-map';

/** Half a kilometre around a point: where to look when the grid outlines are not on the phone. */
const AROUND_DEGREES = 0.005;

interface PinMapProps {
  point: { lon: number; lat: number } | null;
  grids: GridFeatureCollection | null;
  selectedGridCode: string | null;
  onPick: (lon: number, lat: number) => void;
}

/**
 * The small map for putting the pin by hand: the worker's grid outlines (kept on the phone) on the plain base
 * style, which needs no tiles from the internet. Loaded only when shown: MapLibre is the app's largest part.
 */
export function PinMap({ point, grids, selectedGridCode, onPick }: PinMapProps) {
  const gridBounds = useMemo(() => (grids ? boundingBoxOfGrids(grids.features) : null), [grids]);
  const bounds: BoundingBox | null =
    gridBounds ?? (point ? [point.lon - AROUND_DEGREES, point.lat - AROUND_DEGREES, point.lon + AROUND_DEGREES, point.lat + AROUND_DEGREES] : null);
  return (
    <div className="m-pin-map">
      <IncidentLocationMap
        point={point ? [point.lon, point.lat] : null}
        grids={grids}
        selectedGridCode={selectedGridCode}
        bounds={bounds}
        onPick={onPick}
        testId="pin-map"
      />
    </div>
  );
}
