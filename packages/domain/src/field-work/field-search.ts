import { z } from 'zod';

/** GET /api/field/search: a name, an address, the last digits of an ID number or a phone, or a whole phone number. */
export const fieldSearchQuerySchema = z.object({ q: z.string().trim().min(2).max(50) });
export type FieldSearchQuery = z.infer<typeof fieldSearchQuerySchema>;

/** At most this many houses and persons answer one search. */
export const FIELD_SEARCH_LIMIT = 20;

/** A person or house in my grids that matches a search: what the phone shows before a visit and corrects during it. */
export interface FieldSearchResult {
  kind: 'person' | 'house';
  id: number;
  /** a person's name; a house as building-unit-number */
  label: string;
  address: string | null;
  gridCode: string;
  /** the version the values below were read at: a visit's `corrections.baseVersion` */
  version: number;
  /**
   * The record's values of the fields a visit may correct (VISIT_CORRECTABLE_PERSON_FIELDS or
   * VISIT_CORRECTABLE_HOUSE_FIELDS, those that apply to this record), keyed by field. Phones and ID numbers are
   * masked as every person view masks them; send such a value back unchanged as a correction's `from`.
   */
  values: Record<string, unknown>;
}
