/**
 * Phone numbers as registers hold them: a mainland mobile (11 digits from 13–19), or a landline with its
 * area code (0 + 2–3 digits, then 7–8 digits). Spaces, dashes and a +86 / 0086 prefix are accepted.
 */
export function checkPhone(input: string): { valid: true; normalized: string } | { valid: false } {
  const compact = input.trim().replace(/[\s()（）]/g, '').replace(/^(\+86|0086)-?/, '');
  const digits = compact.replace(/-/g, '');
  if (/^1[3-9]\d{9}$/.test(digits)) return { valid: true, normalized: digits };
  const landline = /^(0\d{2,3})-?(\d{7,8})(?:-(\d{1,6}))?$/.exec(compact);
  if (landline) return { valid: true, normalized: `${landline[1]}-${landline[2]}${landline[3] ? `-${landline[3]}` : ''}` };
  return { valid: false };
}
