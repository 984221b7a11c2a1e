import { useEffect, useState } from 'react';
import { ApiError, isAbortError } from './api-client';
import { importApi } from './person-api';
import type { ImportJob } from './register-types';
import { errorMessageOf } from './use-error-message';

const POLL_MILLISECONDS = 1000;

export const isFinished = (job: ImportJob | null) => job?.status === 'succeeded' || job?.status === 'failed';

/** One import job, asked for again every second until it has succeeded or failed. */
export function useImportJob(jobId: number | null): { job: ImportJob | null; problem: string | null } {
  const [job, setJob] = useState<ImportJob | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    setJob(null);
    setProblem(null);
    if (jobId === null) return;
    const controller = new AbortController();
    let timer: number | undefined;
    const poll = async () => {
      try {
        const next = await importApi.get(jobId, controller.signal);
        setJob(next);
        setProblem(null);
        if (!isFinished(next)) timer = window.setTimeout(poll, POLL_MILLISECONDS);
      } catch (error) {
        if (isAbortError(error) || controller.signal.aborted) return;
        setProblem(errorMessageOf(error));
        // A lost connection is retried, the job goes on on the server either way; a refusal is final.
        if (error instanceof ApiError && error.status >= 400 && error.status < 500) return;
        timer = window.setTimeout(poll, POLL_MILLISECONDS * 3);
      }
    };
    void poll();
    return () => {
      controller.abort();
      window.clearTimeout(timer);
    };
  }, [jobId]);

  return { job, problem };
}
