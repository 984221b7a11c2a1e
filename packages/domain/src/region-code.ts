/**
 * Region and grid codes. Cities and districts use GB/T 2260 six-digit codes; streets use the 9-digit
 * and communities the 12-digit statistical division codes. A grid adds 3 digits to its community's
 * code, a micro-grid 2 more to its grid's.
 */
export const REGION_LEVELS = ['city', 'district', 'street', 'community'] as const;
export type RegionLevel = (typeof REGION_LEVELS)[number];

export const REGION_LEVEL_LABELS: Record<RegionLevel, string> = {
  city: '市',
  district: '区县',
  street: '镇街',
  community: '村社区',
};

export function regionLevelOfCode(code: string): RegionLevel | undefined {
  if (/^\d{6}$/.test(code)) return code.endsWith('00') ? 'city' : 'district';
  if (/^\d{9}$/.test(code)) return 'street';
  if (/^\d{12}$/.test(code)) return 'community';
  return undefined;
}

/** The parent code a region's own code implies (a district's city, a street's district …). */
export function parentRegionCode(code: string): string | undefined {
  const level = regionLevelOfCode(code);
  if (level === 'district') return `${code.slice(0, 4)}00`;
  if (level === 'street') return code.slice(0, 6);
  if (level === 'community') return code.slice(0, 9);
  return undefined;
}

export type GridCodeKind = 'grid' | 'micro-grid';

export function gridCodeKind(code: string): GridCodeKind | undefined {
  if (/^\d{15}$/.test(code)) return 'grid';
  if (/^\d{17}$/.test(code)) return 'micro-grid';
  return undefined;
}

export function communityCodeOfGrid(gridCode: string): string {
  return gridCode.slice(0, 12);
}

export function parentGridCode(microGridCode: string): string {
  return microGridCode.slice(0, 15);
}

export function buildGridCode(communityCode: string, number: number): string {
  return `${communityCode}${String(number).padStart(3, '0')}`;
}

/** Town part of a street code: 0xx street office 街道, 1xx town 镇, 2xx–3xx township 乡. */
export function streetKind(streetCode: string): 'street' | 'town' | 'township' {
  const town = Number(streetCode.slice(6, 9));
  if (town < 100) return 'street';
  if (town < 200) return 'town';
  return 'township';
}
