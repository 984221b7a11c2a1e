import type { Map as MapLibreMap } from 'maplibre-gl';
import { DEADLINE_COLOURS, STAGE_COLOURS } from './command-map-style';

const PIXEL_RATIO = 2;
const FONT = "bold 12px -apple-system, 'PingFang SC', 'Noto Sans CJK SC', sans-serif";

/**
 * Incident markers are drawn on demand into images named `incident:<colour>:<stage>:<label>`: the style has no
 * glyphs (the map works offline), so the count of a cluster is painted into its marker here. The disc is the worst
 * deadline colour of its incidents, the ring the stage most of them are at; a single incident is a small disc.
 */
export function drawIncidentMarkers(map: MapLibreMap): void {
  map.setMissingStyleImageResolver((id) => {
    const [kind, colour, stage, label = ''] = id.split(':');
    if (kind !== 'incident' || map.hasImage(id)) return;
    const canvas = document.createElement('canvas');
    const context = canvas.getContext('2d');
    if (!context) return;
    context.font = FONT;
    const radius = label ? Math.max(11, Math.ceil(context.measureText(label).width / 2) + 6) : 6;
    const ring = 3;
    const size = (radius + ring + 1) * 2;
    canvas.width = size * PIXEL_RATIO;
    canvas.height = size * PIXEL_RATIO;
    context.scale(PIXEL_RATIO, PIXEL_RATIO);
    context.beginPath();
    context.arc(size / 2, size / 2, radius + ring / 2, 0, Math.PI * 2);
    context.fillStyle = DEADLINE_COLOURS[colour as keyof typeof DEADLINE_COLOURS] ?? DEADLINE_COLOURS.none;
    context.fill();
    context.lineWidth = ring;
    context.strokeStyle = STAGE_COLOURS[stage as keyof typeof STAGE_COLOURS] ?? '#fff';
    context.stroke();
    if (label) {
      context.font = FONT;
      context.fillStyle = colour === 'yellow' ? '#262626' : '#fff';
      context.textAlign = 'center';
      context.textBaseline = 'middle';
      context.fillText(label, size / 2, size / 2 + 0.5);
    }
    const image = context.getImageData(0, 0, canvas.width, canvas.height);
    map.addImage(id, { width: image.width, height: image.height, data: new Uint8Array(image.data.buffer) }, { pixelRatio: PIXEL_RATIO });
  });
}
