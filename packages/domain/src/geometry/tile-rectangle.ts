/** Axis-aligned rectangle in longitude/latitude degrees. */
export interface Rectangle {
  west: number;
  south: number;
  east: number;
  north: number;
}

/** Splits `[start, end]` into `weights.length` pieces proportional to the weights; shares edges exactly. */
function splitRange(start: number, end: number, weights: readonly number[]): number[] {
  const total = weights.reduce((sum, weight) => sum + weight, 0);
  const edges = [start];
  let accumulated = 0;
  for (let index = 0; index < weights.length - 1; index += 1) {
    accumulated += weights[index]!;
    edges.push(start + ((end - start) * accumulated) / total);
  }
  edges.push(end);
  return edges;
}

/**
 * Cuts a rectangle into `count` cells laid out in rows, with no overlap and no gap: neighbouring cells
 * share the very same edge coordinates. Rows hold `ceil(count / rows)` cells, the last row fewer and wider.
 * `weights` (optional, one per cell) make cells proportionally larger.
 */
export function tileRectangle(rectangle: Rectangle, count: number, weights?: readonly number[]): Rectangle[] {
  if (count < 1) return [];
  const cellWeights = weights ?? Array.from({ length: count }, () => 1);
  const width = rectangle.east - rectangle.west;
  const height = rectangle.north - rectangle.south;
  const rows = Math.max(1, Math.round(Math.sqrt((count * height) / Math.max(width, Number.EPSILON))));
  const perRow = Math.ceil(count / Math.min(rows, count));
  const rowCells: number[][] = [];
  for (let index = 0; index < count; index += perRow) {
    rowCells.push(Array.from({ length: Math.min(perRow, count - index) }, (_, offset) => index + offset));
  }
  const rowWeights = rowCells.map((cells) => cells.reduce((sum, cell) => sum + cellWeights[cell]!, 0));
  const rowEdges = splitRange(rectangle.north, rectangle.south, rowWeights);
  const result: Rectangle[] = [];
  rowCells.forEach((cells, row) => {
    const columnEdges = splitRange(rectangle.west, rectangle.east, cells.map((cell) => cellWeights[cell]!));
    cells.forEach((_, column) => {
      result.push({ west: columnEdges[column]!, east: columnEdges[column + 1]!, north: rowEdges[row]!, south: rowEdges[row + 1]! });
    });
  });
  return result;
}

export function rectangleToPolygon(rectangle: Rectangle): { type: 'Polygon'; coordinates: [number, number][][] } {
  const { west, south, east, north } = rectangle;
  return {
    type: 'Polygon',
    coordinates: [[[west, south], [east, south], [east, north], [west, north], [west, south]]],
  };
}
