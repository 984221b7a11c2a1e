/** National ID numbers, GB 11643: 6-digit address + birth date + 3-digit sequence + check character. */

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK_CHARACTERS = ['1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'] as const;

export type IdNumberCheck =
  | { valid: true; legacy: boolean; normalized: string; birthDate: string; gender: 'male' | 'female' }
  | { valid: false; reason: 'format' | 'birth_date' | 'check_digit' };

export function idNumberCheckCharacter(first17: string): string {
  if (!/^\d{17}$/.test(first17)) throw new Error('idNumberCheckCharacter needs 17 digits');
  let sum = 0;
  for (let index = 0; index < 17; index += 1) sum += Number(first17[index]) * WEIGHTS[index]!;
  return CHECK_CHARACTERS[sum % 11]!;
}

function isRealDate(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/**
 * Checks an ID number. The address code is deliberately not checked against current divisions:
 * divisions change, and old numbers stay valid. 15-digit legacy numbers are accepted and flagged.
 */
export function checkIdNumber(input: string): IdNumberCheck {
  const value = input.trim().toUpperCase();
  if (/^\d{15}$/.test(value)) {
    const year = 1900 + Number(value.slice(6, 8));
    const month = Number(value.slice(8, 10));
    const day = Number(value.slice(10, 12));
    if (!isRealDate(year, month, day)) return { valid: false, reason: 'birth_date' };
    return {
      valid: true,
      legacy: true,
      normalized: value,
      birthDate: `${year}-${value.slice(8, 10)}-${value.slice(10, 12)}`,
      gender: Number(value[14]) % 2 === 1 ? 'male' : 'female',
    };
  }
  if (!/^\d{17}[\dX]$/.test(value)) return { valid: false, reason: 'format' };
  const year = Number(value.slice(6, 10));
  const month = Number(value.slice(10, 12));
  const day = Number(value.slice(12, 14));
  if (year < 1850 || !isRealDate(year, month, day)) return { valid: false, reason: 'birth_date' };
  if (idNumberCheckCharacter(value.slice(0, 17)) !== value[17]) return { valid: false, reason: 'check_digit' };
  return {
    valid: true,
    legacy: false,
    normalized: value,
    birthDate: `${value.slice(6, 10)}-${value.slice(10, 12)}-${value.slice(12, 14)}`,
    gender: Number(value[16]) % 2 === 1 ? 'male' : 'female',
  };
}

/** Builds a valid 18-digit ID number from its parts (used for fictional demo people and tests). */
export function buildIdNumber(addressCode: string, birthDate: string, sequence: number): string {
  const compactDate = birthDate.replaceAll('-', '');
  const first17 = `${addressCode}${compactDate}${String(sequence).padStart(3, '0')}`;
  return first17 + idNumberCheckCharacter(first17);
}
