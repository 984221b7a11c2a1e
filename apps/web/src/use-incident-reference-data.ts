import { useEffect, useState } from 'react';
import type { CenterView, DepartmentView, CategoryTreeNode, CategoryView } from './api-types';
import { incidentApi } from './incident-api';
import { useCurrentUser } from './session-context';
import { useErrorMessage } from './use-error-message';

// Categories, departments and centers change rarely; each is fetched once per user and page load, not per modal.
const cache = new Map<string, Promise<unknown>>();

function useCached<T>(name: string, load: () => Promise<T>, empty: T): T {
  const { userId } = useCurrentUser();
  const reportError = useErrorMessage();
  const [value, setValue] = useState<T>(empty);
  useEffect(() => {
    const key = `${userId}:${name}`;
    let promise = cache.get(key) as Promise<T> | undefined;
    if (!promise) {
      promise = load();
      cache.set(key, promise);
      // A failure is not kept: the next screen that needs the list asks again.
      promise.catch(() => cache.delete(key));
    }
    let current = true;
    promise.then((loaded) => current && setValue(loaded)).catch(reportError);
    return () => {
      current = false;
    };
    // `load` and `empty` are fixed per name.
  }, [userId, name, reportError]);
  return value;
}

const NO_CATEGORIES: CategoryTreeNode[] = [];
const NO_DEPARTMENTS: DepartmentView[] = [];
const NO_CENTERS: CenterView[] = [];

export const useIncidentCategories = () => useCached('categories', () => incidentApi.categories(), NO_CATEGORIES);
export const useDepartments = () => useCached('departments', () => incidentApi.departments(), NO_DEPARTMENTS);
export const useCenters = () => useCached('centers', () => incidentApi.centers(), NO_CENTERS);

/** A subclass by id, with its class. */
export function findSubcategory(
  categories: CategoryTreeNode[],
  id: number | null | undefined,
): { parent: CategoryTreeNode; category: CategoryView } | undefined {
  if (id == null) return undefined;
  for (const parent of categories) {
    const category = parent.children.find((child) => child.id === id);
    if (category) return { parent, category };
  }
  return undefined;
}
