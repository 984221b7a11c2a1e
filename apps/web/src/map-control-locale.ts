import type { Translate } from './i18n/i18n-context';

/** MapLibre's own texts (control tooltips, the scale's units) in the console's language, for a map made now. */
export function mapControlLocale(t: Translate): Record<string, string> {
  return {
    'Map.Title': t('map.control.title'),
    'NavigationControl.ZoomIn': t('map.control.zoomIn'),
    'NavigationControl.ZoomOut': t('map.control.zoomOut'),
    'NavigationControl.ResetBearing': t('map.control.resetBearing'),
    'ScaleControl.Meters': t('map.control.metres'),
    'ScaleControl.Kilometers': t('map.control.kilometres'),
    'Popup.Close': t('map.control.close'),
  };
}
