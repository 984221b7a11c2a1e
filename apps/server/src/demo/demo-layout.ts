import { buildGridCode, SeededRandom, tileRectangle, type Rectangle } from '@civicgrid/domain';

export interface DivisionNode {
  code: string;
  name: string;
  children: DivisionNode[];
}

export interface PlannedRegion {
  code: string;
  rectangle: Rectangle;
}

export interface PlannedGrid {
  code: string;
  name: string;
  communityCode: string;
  districtCode: string;
  rectangle: Rectangle;
  households: number;
}

export interface DemoLayout {
  regions: PlannedRegion[];
  grids: PlannedGrid[];
}

export interface LayoutOptions {
  seed: number;
  /** The area the whole tree is drawn into (the district for `small`, the city for `city`). */
  extent: Rectangle;
  /** How many grids in all; communities get 1–5 each, and communities beyond the total get none. */
  gridTotal: number;
  householdsPerGrid: number;
  /** Defaults to spreading gridTotal over every community. */
  averageGridsPerCommunity?: number;
}

function leafCount(node: DivisionNode): number {
  return node.children.length === 0 ? 1 : node.children.reduce((sum, child) => sum + leafCount(child), 0);
}

/**
 * Draws a division tree as nested rectangles: each region is cut among its children in proportion to
 * the communities below them, each community among its grids. Shared edges have identical coordinates,
 * so the grids of a community tile it with no overlap and no gap.
 */
export function planDemoLayout(root: DivisionNode, options: LayoutOptions): DemoLayout {
  const random = new SeededRandom(options.seed);
  const regions: PlannedRegion[] = [];
  const communities: { node: DivisionNode; rectangle: Rectangle }[] = [];
  const visit = (node: DivisionNode, rectangle: Rectangle) => {
    regions.push({ code: node.code, rectangle });
    if (node.children.length === 0) {
      communities.push({ node, rectangle });
      return;
    }
    const cells = tileRectangle(rectangle, node.children.length, node.children.map(leafCount));
    node.children.forEach((child, index) => visit(child, cells[index]!));
  };
  visit(root, options.extent);

  const average = options.averageGridsPerCommunity ?? options.gridTotal / communities.length;
  const grids: PlannedGrid[] = [];
  for (const community of communities) {
    if (grids.length >= options.gridTotal) break;
    // Around the average, never fewer than one, so that the total lands near gridTotal.
    const wanted = Math.max(1, Math.min(5, Math.round(average + (random.next() - 0.5) * Math.min(2, average))));
    const count = Math.min(wanted, options.gridTotal - grids.length);
    const cells = tileRectangle(community.rectangle, count);
    cells.forEach((rectangle, index) => {
      grids.push({
        code: buildGridCode(community.node.code, index + 1),
        name: `${community.node.name}第${index + 1}网格`,
        communityCode: community.node.code,
        districtCode: community.node.code.slice(0, 6),
        rectangle,
        households: Math.max(20, Math.round(options.householdsPerGrid * (0.75 + random.next() * 0.5))),
      });
    });
  }
  return { regions, grids };
}
