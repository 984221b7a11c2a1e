const MAX_RECENT = 6;
const storageKey = (userId: number) => `civicgrid.m.recent-categories.${userId}`;

/** The categories the worker chose last, newest first: most reports are of the same few kinds. */
export function recentCategoryIds(userId: number): number[] {
  try {
    const ids = JSON.parse(localStorage.getItem(storageKey(userId)) ?? '[]') as unknown;
    return Array.isArray(ids) ? ids.filter((id): id is number => typeof id === 'number') : [];
  } catch {
    return [];
  }
}

export function recordRecentCategory(userId: number, categoryId: number): void {
  const ids = [categoryId, ...recentCategoryIds(userId).filter((id) => id !== categoryId)].slice(0, MAX_RECENT);
  localStorage.setItem(storageKey(userId), JSON.stringify(ids));
}
