import type { OutboxItem, OutboxKind, OutboxPhoto, OutboxProgress, OutboxResult } from '../outbox-item';

export interface SendContext<K extends OutboxKind> {
  item: OutboxItem<K>;
  /**
   * Stores how far the item got. Call it after every step the server confirmed, before the next: a try cut off
   * later resumes from there instead of repeating the step.
   */
  saveProgress: (progress: OutboxProgress[K]) => Promise<void>;
}

/**
 * Sends one kind of outbox item. `send` runs its steps in order and throws what the API client threw when one
 * fails (the engine decides from it whether to retry); every step carries the item's client id or is otherwise
 * idempotent (the same photo bytes are the same attachment), because the answer to any step may be lost.
 */
export interface OutboxSender<K extends OutboxKind> {
  initialProgress: () => OutboxProgress[K];
  send: (context: SendContext<K>) => Promise<OutboxResult>;
}

/** A stored photo as a file to upload; its bytes never change between tries. */
export function photoFile(photo: OutboxPhoto): File {
  return new File([photo.blob], photo.fileName, { type: photo.blob.type || 'image/jpeg' });
}
