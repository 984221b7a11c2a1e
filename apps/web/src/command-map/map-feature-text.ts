import type { MapGeoJSONFeature } from 'maplibre-gl';
import type { Translate } from '../i18n/i18n-context';
import { DEADLINE_COLOURS, STAGES } from './command-map-style';

const isKey = <T extends string>(keys: readonly T[], value: unknown): value is T => keys.includes(value as T);
const DEADLINES = Object.keys(DEADLINE_COLOURS) as (keyof typeof DEADLINE_COLOURS)[];
const CAMERA_STATUSES = ['online', 'offline', 'fault', 'decommissioned'] as const;

function minutesAgo(minutes: number, t: Translate): string {
  if (minutes < 1) return t('command.ago.now');
  if (minutes < 60) return t('command.ago.minutes', { count: minutes });
  if (minutes < 60 * 24) return t('command.ago.hours', { count: Math.floor(minutes / 60) });
  return t('command.ago.days', { count: Math.floor(minutes / 60 / 24) });
}

/** The lines of the hover tooltip of a map feature, in the console's language. */
export function describeFeature(feature: MapGeoJSONFeature, t: Translate): string[] {
  const properties = feature.properties;
  switch (feature.layer.id) {
    case 'incident-clusters': {
      const deadline = isKey(DEADLINES, properties.colour) ? t(`command.deadline.${properties.colour}`) : '';
      if (Number(properties.count) === 1) {
        const stage = isKey(STAGES, properties.stage) ? t(`command.stage.${properties.stage}`) : '';
        return [t('command.tip.incident', { code: String(properties.code) }), `${stage} · ${deadline}`, t('command.tip.openIncident')];
      }
      const stages = STAGES.filter((stage) => Number(properties[stage]) > 0).map((stage) => `${t(`command.stage.${stage}`)} ${properties[stage]}`);
      return [t('command.tip.incidents', { count: Number(properties.count), deadline }), stages.join(' · '), t('command.tip.zoomIn')];
    }
    case 'position-circle':
      return [t('command.tip.position', { name: String(properties.name) }), t('command.tip.positionAt', { ago: minutesAgo(Number(properties.minutesAgo), t) })];
    case 'camera-circle':
      return [
        t('command.tip.camera', { name: String(properties.name) }),
        isKey(CAMERA_STATUSES, properties.status) ? t(`camera.status.${properties.status}`) : String(properties.status),
      ];
    case 'place-circle':
      return [t('command.tip.place', { name: String(properties.name) })];
    case 'building-circle':
      return [t('command.tip.building', { name: String(properties.name) }), t('command.tip.openBuilding')];
    default:
      return [String(properties.name ?? properties.code ?? '')];
  }
}
