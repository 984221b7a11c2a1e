import type { FastifyInstance } from 'fastify';

const DEADLINE_SWEEP_MS = 60_000;
const WEBHOOK_DELIVERY_MS = 15_000;

/**
 * The periodic work of a running server: raising deadline alerts and sending webhooks. Each run finishes
 * before the next is scheduled, so a slow run never overlaps itself. Returns a function that stops both.
 */
export function startJobs(app: FastifyInstance): () => void {
  const { deadlineWatcher, webhookDelivery } = app.services;
  const timers: NodeJS.Timeout[] = [];
  let stopped = false;
  const every = (name: string, intervalMs: number, run: () => Promise<unknown>) => {
    const tick = async () => {
      try {
        const result = await run();
        app.log.debug({ job: name, result }, 'job ran');
      } catch (error) {
        app.log.error({ job: name, err: error }, 'job failed');
      }
      if (!stopped) timers.push(setTimeout(() => void tick(), intervalMs).unref());
    };
    timers.push(setTimeout(() => void tick(), 1_000).unref());
  };
  every('deadline-sweep', DEADLINE_SWEEP_MS, () => deadlineWatcher.sweep());
  every('webhook-delivery', WEBHOOK_DELIVERY_MS, () => webhookDelivery.deliverDue());
  return () => {
    stopped = true;
    for (const timer of timers) clearTimeout(timer);
  };
}
