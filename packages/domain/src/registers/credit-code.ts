/**
 * Unified social credit codes 统一社会信用代码, GB 32100-2015: 18 characters from a set of 31 (the digits and
 * the capitals without I, O, S, V, Z); characters 3–8 are the division code of the registering authority,
 * the 18th is a mod-31 check over the first 17.
 */
const CHARACTERS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
// 3^i mod 31
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;

export type CreditCodeProblem = 'format' | 'character' | 'check_character';

export type CreditCodeCheck =
  | { valid: true; normalized: string; divisionCode: string }
  | { valid: false; reason: CreditCodeProblem };

export const CREDIT_CODE_PROBLEM_MESSAGES: Record<CreditCodeProblem, { zh: string; en: string }> = {
  format: { zh: '应为18位统一社会信用代码，第3–8位为行政区划代码', en: 'must be 18 characters, the 3rd to 8th a division code' },
  character: { zh: '含有代码中不使用的字符（不用 I、O、S、V、Z）', en: 'contains a character codes do not use (no I, O, S, V, Z)' },
  check_character: { zh: '校验码不正确', en: 'the check character is wrong' },
};

export function creditCodeCheckCharacter(first17: string): string {
  if (first17.length !== 17 || [...first17].some((character) => !CHARACTERS.includes(character))) {
    throw new Error('creditCodeCheckCharacter needs 17 characters of the code set');
  }
  let sum = 0;
  for (let index = 0; index < 17; index += 1) sum += CHARACTERS.indexOf(first17[index]!) * WEIGHTS[index]!;
  return CHARACTERS[(31 - (sum % 31)) % 31]!;
}

export function checkCreditCode(input: string): CreditCodeCheck {
  const value = input.trim().toUpperCase();
  if (value.length !== 18) return { valid: false, reason: 'format' };
  if ([...value].some((character) => !CHARACTERS.includes(character))) return { valid: false, reason: 'character' };
  if (!/^\d{6}$/.test(value.slice(2, 8))) return { valid: false, reason: 'format' };
  if (creditCodeCheckCharacter(value.slice(0, 17)) !== value[17]) return { valid: false, reason: 'check_character' };
  return { valid: true, normalized: value, divisionCode: value.slice(2, 8) };
}

/** A valid code from its first 17 characters (fictional organizations in tests and demos). */
export function buildCreditCode(first17: string): string {
  return first17 + creditCodeCheckCharacter(first17);
}
