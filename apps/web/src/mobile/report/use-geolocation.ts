import { useEffect, useState } from 'react';

export interface GpsFix {
  lon: number;
  lat: number;
  /** metres, as the phone reports it */
  accuracy: number;
}

export type GpsState =
  | { status: 'locating' }
  | { status: 'located'; fix: GpsFix }
  | { status: 'denied' }
  | { status: 'unavailable' };

/** Fixes worse than this are too rough to tell one grid from the next (grids are a few hundred metres across). */
export const POOR_GPS_METRES = 50;

/** The phone's position while the screen is open, improving as the GPS settles. */
export function useGeolocation(): GpsState {
  const [state, setState] = useState<GpsState>(() => ('geolocation' in navigator ? { status: 'locating' } : { status: 'unavailable' }));
  useEffect(() => {
    if (!('geolocation' in navigator)) return;
    const watch = navigator.geolocation.watchPosition(
      (position) =>
        setState({
          status: 'located',
          fix: { lon: position.coords.longitude, lat: position.coords.latitude, accuracy: Math.round(position.coords.accuracy) },
        }),
      (error) =>
        setState((current) => {
          // A timeout after a fix keeps the fix; a refusal is final.
          if (error.code === error.PERMISSION_DENIED) return { status: 'denied' };
          return current.status === 'located' ? current : { status: 'unavailable' };
        }),
      { enableHighAccuracy: true, maximumAge: 10_000, timeout: 20_000 },
    );
    return () => navigator.geolocation.clearWatch(watch);
  }, []);
  return state;
}
