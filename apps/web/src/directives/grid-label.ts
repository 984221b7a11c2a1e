/** A grid's name with its community's in front, unless the grid's name already begins with it (新华社区第1网格). */
export function gridLabel(communityName: string, gridName: string): string {
  return gridName.startsWith(communityName) ? gridName : `${communityName} ${gridName}`;
}
