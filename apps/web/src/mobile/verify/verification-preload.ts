import { useEffect } from 'react';
import { incidentApi } from '../../incident-api';
import { writeCached } from '../data/cached-resource';

/** The cached-resource name of one incident as the 核查 screen reads it. */
export const incidentCacheName = (incidentId: number) => `incident:${incidentId}`;

/**
 * When the 待核查 list has been read with signal, reads each incident on it ahead, keeps it on the phone, and loads
 * its photos' thumbnails into the browser's cache (the server marks them immutable), so that the 核查 screen opens,
 * photos and all, at the spot where there is no signal.
 */
export function usePreloadVerifications(userId: number, incidents: readonly { id: number }[] | null | undefined): void {
  const ids = incidents?.map((incident) => incident.id).join(',') ?? '';
  useEffect(() => {
    if (!ids) return;
    const controller = new AbortController();
    void (async () => {
      for (const id of ids.split(',').map(Number)) {
        try {
          const incident = await incidentApi.get(id, controller.signal);
          writeCached(userId, incidentCacheName(id), incident);
          await Promise.all(
            incident.attachments.map(async (attachment) => {
              const response = await fetch(attachment.thumbnailUrl, { credentials: 'same-origin', signal: controller.signal });
              await response.blob();
            }),
          );
        } catch {
          // One incident unread is no reason to skip the rest; its screen reads it when opened with signal.
          if (controller.signal.aborted) return;
        }
      }
    })();
    return () => controller.abort();
    // Keyed by the ids, not by the array the list was read into.
  }, [userId, ids]);
}
