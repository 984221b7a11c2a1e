/**
 * A path pattern's parameters in `path` (`/incidents/:id` against `/incidents/7` → { id: '7' }), or null when it does
 * not match. Shared by the console's routes and the phone app's screens.
 */
export function matchPathPattern(pattern: string, path: string): Record<string, string> | null {
  const patternSegments = pattern.split('/');
  const pathSegments = path.split('/');
  if (patternSegments.length !== pathSegments.length) return null;
  const params: Record<string, string> = {};
  for (const [index, expected] of patternSegments.entries()) {
    const actual = pathSegments[index] ?? '';
    if (expected.startsWith(':')) {
      if (!actual) return null;
      params[expected.slice(1)] = decodeURIComponent(actual);
    } else if (expected !== actual) {
      return null;
    }
  }
  return params;
}
