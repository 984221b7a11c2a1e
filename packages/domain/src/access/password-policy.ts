/** Password policy: at least 10 characters, three of four kinds, and not built on the username. */
export const PASSWORD_MINIMUM_LENGTH = 10;

export type PasswordProblem = 'too_short' | 'too_simple' | 'contains_username' | 'too_long';

export function checkPassword(password: string, username: string): PasswordProblem[] {
  const problems: PasswordProblem[] = [];
  if (password.length < PASSWORD_MINIMUM_LENGTH) problems.push('too_short');
  if (password.length > 128) problems.push('too_long');
  const kinds = [/[a-z]/, /[A-Z]/, /\d/, /[^A-Za-z0-9]/].filter((pattern) => pattern.test(password)).length;
  if (kinds < 3) problems.push('too_simple');
  if (username.length >= 3 && password.toLowerCase().includes(username.toLowerCase())) problems.push('contains_username');
  return problems;
}

export const PASSWORD_PROBLEM_MESSAGES: Record<PasswordProblem, { zh: string; en: string }> = {
  too_short: { zh: `密码至少 ${PASSWORD_MINIMUM_LENGTH} 位`, en: `at least ${PASSWORD_MINIMUM_LENGTH} characters` },
  too_long: { zh: '密码不超过 128 位', en: 'at most 128 characters' },
  too_simple: { zh: '须包含大写字母、小写字母、数字、符号中的至少三类', en: 'three of: upper case, lower case, digits, symbols' },
  contains_username: { zh: '密码不能包含用户名', en: 'must not contain the username' },
};
