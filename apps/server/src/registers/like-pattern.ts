/** LIKE patterns of user text: %, _ and the escape character match only themselves. */
export const escapeLike = (text: string): string => text.replace(/[\\%_]/g, (character) => `\\${character}`);
export const containing = (text: string): string => `%${escapeLike(text)}%`;
export const startingWith = (text: string): string => `${escapeLike(text)}%`;
export const endingWith = (text: string): string => `%${escapeLike(text)}`;
