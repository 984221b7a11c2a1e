import type { IncidentDashboard } from '@civicgrid/domain';
import type { Translate } from '../i18n/i18n-context';
import type { ChartOption } from './echart';

const PALETTE = ['#1677ff', '#52c41a', '#faad14', '#f5222d', '#722ed1', '#13c2c2', '#eb2f96', '#fa8c16', '#2f54eb', '#a0d911'];

export interface ChartLook {
  dark: boolean;
}

const axisColour = (look: ChartLook) => (look.dark ? 'rgba(200, 220, 255, 0.75)' : 'rgba(0, 0, 0, 0.55)');
const splitColour = (look: ChartLook) => (look.dark ? 'rgba(120, 160, 220, 0.15)' : 'rgba(0, 0, 0, 0.06)');
const base = (look: ChartLook) => ({ color: PALETTE, backgroundColor: 'transparent', textStyle: { fontSize: look.dark ? 14 : 12 } });

/** 每日事件: reported and closed per day. */
export function dayTrendOption(dashboard: IncidentDashboard, t: Translate, look: ChartLook): ChartOption {
  return {
    ...base(look),
    tooltip: { trigger: 'axis' },
    legend: { top: 0, textStyle: { color: axisColour(look) } },
    grid: { left: 40, right: 16, top: 32, bottom: 28 },
    xAxis: { type: 'category', data: dashboard.byDay.map((row) => row.day.slice(5)), axisLabel: { color: axisColour(look) } },
    yAxis: { type: 'value', minInterval: 1, axisLabel: { color: axisColour(look) }, splitLine: { lineStyle: { color: splitColour(look) } } },
    series: [
      { name: t('dashboard.series.reported'), type: 'bar', data: dashboard.byDay.map((row) => row.incidents), barMaxWidth: 18 },
      { name: t('dashboard.series.closed'), type: 'line', smooth: true, data: dashboard.byDay.map((row) => row.closed), symbolSize: 6 },
    ],
  };
}

function pie(items: { name: string; value: number }[], look: ChartLook): ChartOption {
  return {
    ...base(look),
    tooltip: { trigger: 'item', formatter: '{b}: {c} ({d}%)' },
    legend: { type: 'scroll', orient: 'vertical', right: 0, top: 'middle', textStyle: { color: axisColour(look) } },
    series: [{
      type: 'pie', radius: ['42%', '70%'], center: ['35%', '50%'], avoidLabelOverlap: true,
      label: { show: false }, itemStyle: { borderColor: look.dark ? '#0b1a33' : '#fff', borderWidth: 2 }, data: items,
    }],
  };
}

export function categoryOption(dashboard: IncidentDashboard, t: Translate, look: ChartLook): ChartOption {
  return pie(dashboard.byCategory.map((row) => ({ name: row.name ?? t('dashboard.uncategorised'), value: row.incidents })), look);
}

export function sourceOption(dashboard: IncidentDashboard, t: Translate, look: ChartLook): ChartOption {
  return pie(dashboard.bySource.map((row) => ({ name: t(`source.${row.source}`), value: row.incidents })), look);
}

/** Horizontal bars, the largest on top. */
function bars(items: { name: string; value: number }[], look: ChartLook, options: { percent?: boolean; colour?: string } = {}): ChartOption {
  const ordered = [...items].reverse();
  return {
    ...base(look),
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (value) => (options.percent ? `${Number(value).toFixed(1)}%` : String(value)) },
    grid: { left: 8, right: 40, top: 8, bottom: 8, containLabel: true },
    xAxis: { type: 'value', max: options.percent ? 100 : undefined, axisLabel: { color: axisColour(look) }, splitLine: { lineStyle: { color: splitColour(look) } } },
    yAxis: { type: 'category', data: ordered.map((item) => item.name), axisLabel: { color: axisColour(look), width: 110, overflow: 'truncate' } },
    series: [{
      type: 'bar', data: ordered.map((item) => item.value), barMaxWidth: 16,
      itemStyle: { color: options.colour ?? PALETTE[0], borderRadius: [0, 4, 4, 0] },
      label: { show: true, position: 'right', color: axisColour(look), formatter: options.percent ? '{c}%' : '{c}' },
    }],
  };
}

export function statusOption(dashboard: IncidentDashboard, t: Translate, look: ChartLook): ChartOption {
  return bars(dashboard.byStatus.map((row) => ({ name: t(`status.${row.status}`), value: row.incidents })), look, { colour: PALETTE[5] });
}

/** On-time handling rate of the first regions of the ranking, in per cent. */
export function regionRankingOption(dashboard: IncidentDashboard, look: ChartLook, limit: number): ChartOption {
  const rows = dashboard.regionRanking.items.filter((row) => row.rates.onTimeHandling !== null).slice(0, limit);
  return bars(rows.map((row) => ({ name: row.name, value: Math.round((row.rates.onTimeHandling ?? 0) * 1000) / 10 })), look, { percent: true, colour: PALETTE[1] });
}

/** Incidents per region of the ranking (by volume), for the big screen. */
export function regionVolumeOption(dashboard: IncidentDashboard, look: ChartLook, limit: number): ChartOption {
  const rows = [...dashboard.regionRanking.items].sort((a, b) => b.incidents - a.incidents).slice(0, limit);
  return bars(rows.map((row) => ({ name: row.name, value: row.incidents })), look, { colour: PALETTE[0] });
}

export function formatRate(value: number | null): string {
  return value === null ? '—' : `${(value * 100).toFixed(1)}%`;
}
