import { idNumberCheckCharacter } from '../id-number.js';
import { checkPhone } from './phone.js';

/**
 * The other form of a resident ID number: a 15-digit number from before 1999 and the 18-digit number it
 * became (century 19 inserted, check character appended) are one person's. Undefined when there is none.
 */
export function otherFormOfIdNumber(idNumber: string): string | undefined {
  if (/^\d{15}$/.test(idNumber)) {
    const first17 = `${idNumber.slice(0, 6)}19${idNumber.slice(6)}`;
    return first17 + idNumberCheckCharacter(first17);
  }
  if (/^\d{6}19\d{9}[\dX]$/.test(idNumber)) return idNumber.slice(0, 6) + idNumber.slice(8, 17);
  return undefined;
}

/**
 * How a person search reads its text: an ID number (18 or 15 characters, exact, in both forms); the last
 * 4–6 characters of an ID number or phone (the part a masked number shows); a landline with its area code
 * (exact); a run of 7–17 digits as the start of an ID number or a mobile (a whole mobile is found so); and
 * anything else as a fragment of a name or an address.
 */
export type PersonQuery =
  | { kind: 'id_number'; idNumbers: string[] }
  | { kind: 'tail'; tail: string }
  | { kind: 'landline'; phone: string }
  | { kind: 'digits_prefix'; prefix: string }
  | { kind: 'text'; text: string };

export function classifyPersonQuery(input: string): PersonQuery {
  const text = input.trim();
  const compact = text.replace(/[\s-]/g, '').toUpperCase();
  if (/^\d{17}[\dX]$/.test(compact) || /^\d{15}$/.test(compact)) {
    const other = otherFormOfIdNumber(compact);
    return { kind: 'id_number', idNumbers: other ? [compact, other] : [compact] };
  }
  if (/^\d{3,5}[\dX]$/.test(compact)) return { kind: 'tail', tail: compact };
  if (/^0[\d-]+$/.test(compact.replace(/^\+86/, '')) || /^0\d{2,3}-/.test(text)) {
    const phone = checkPhone(text);
    if (phone.valid) return { kind: 'landline', phone: phone.normalized };
  }
  if (/^\d{7,17}$/.test(compact)) return { kind: 'digits_prefix', prefix: compact };
  return { kind: 'text', text };
}
