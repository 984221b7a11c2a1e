import { useState } from 'react';

/** What both sign-in forms ask for: the console's and the phone app's. */
export interface SignInValues {
  username: string;
  password: string;
}

interface SignInFormSetup<Problem> {
  signIn: (username: string, password: string) => Promise<void>;
  /** What the screen shows for a refusal. */
  problemOf: (error: unknown) => Problem;
  /** The form on screen (antd's or antd-mobile's): a refused password is emptied for the next try. */
  form: { setFieldValue: (name: 'password', value: string) => void };
}

/**
 * Submitting a sign-in form: the name without stray spaces, the refusal kept until the next try. A signed-in user
 * leaves the screen, so only a refusal ends `submitting`.
 */
export function useSignInForm<Problem>({ signIn, problemOf, form }: SignInFormSetup<Problem>) {
  const [submitting, setSubmitting] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);

  const submit = async (values: SignInValues) => {
    setSubmitting(true);
    setProblem(null);
    try {
      await signIn(values.username.trim(), values.password);
    } catch (error) {
      setProblem(problemOf(error));
      form.setFieldValue('password', '');
      setSubmitting(false);
    }
  };

  return { submitting, problem, submit };
}
