import type { MapGeoJSONFeature } from 'maplibre-gl';
import { DEADLINE_LABELS, STAGE_LABELS } from './command-map-style';

const CAMERA_STATUS: Record<string, string> = { online: '在线', offline: '离线', fault: '故障' };

function minutesAgo(minutes: number): string {
  if (minutes < 1) return '刚刚';
  if (minutes < 60) return `${minutes} 分钟前`;
  if (minutes < 60 * 24) return `${Math.floor(minutes / 60)} 小时前`;
  return `${Math.floor(minutes / 60 / 24)} 天前`;
}

/** The lines of the hover tooltip of a map feature. */
export function describeFeature(feature: MapGeoJSONFeature): string[] {
  const properties = feature.properties;
  switch (feature.layer.id) {
    case 'incident-clusters': {
      const deadline = DEADLINE_LABELS[properties.colour as keyof typeof DEADLINE_LABELS] ?? '';
      if (Number(properties.count) === 1) return [`事件 ${properties.code}`, `${STAGE_LABELS[properties.stage as keyof typeof STAGE_LABELS] ?? ''} · ${deadline}`, '点击查看详情'];
      const stages = (Object.keys(STAGE_LABELS) as (keyof typeof STAGE_LABELS)[])
        .filter((stage) => Number(properties[stage]) > 0).map((stage) => `${STAGE_LABELS[stage]} ${properties[stage]}`);
      return [`事件 ${properties.count} 起（最紧急：${deadline}）`, stages.join(' · '), '点击放大'];
    }
    case 'position-circle':
      return [`网格员 ${properties.name}`, `位置更新于 ${minutesAgo(Number(properties.minutesAgo))}`];
    case 'camera-circle':
      return [`视频点位 ${properties.name}`, CAMERA_STATUS[String(properties.status)] ?? String(properties.status)];
    case 'place-circle':
      return [`重点场所 ${properties.name}`];
    case 'building-circle':
      return [`楼栋 ${properties.name}`, '点击查看住户'];
    default:
      return [String(properties.name ?? properties.code ?? '')];
  }
}
