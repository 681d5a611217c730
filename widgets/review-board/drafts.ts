// What a committee member is typing for an action, kept in localStorage until the store confirms it.
import type { ReviewEventType } from '../../src/review/events.js';

/** The fields of an action being written, as typed. */
export interface ActionInput {
  comment: string;
  opinion: string;
  into: string;
}

/** A send that started and was never confirmed: it may have landed even though its answer was lost. */
export interface Attempt {
  expectedVersion: number;
  historyLength: number;
}

export interface ActionDraft extends ActionInput {
  savedAt: string;
  attempt?: Attempt;
}

const PREFIX = 'pi-review-board:';
// A committee's draft is stale after a month; it may quote personal data, so it does not wait forever.
const MAX_AGE_MS = 30 * 24 * 3600 * 1000;

export const emptyInput = (): ActionInput => ({ comment: '', opinion: '', into: '' });

/** One key per actor, practice and event: two members on one computer, or two actions, never share a draft. */
export const draftKey = (actorId: string, practiceId: string, type: ReviewEventType | string) =>
  `${PREFIX}${encodeURIComponent(actorId)}:${encodeURIComponent(practiceId)}:${type}`;

export function readDraft(key: string): ActionDraft | undefined {
  try {
    const raw = globalThis.localStorage?.getItem(key);
    if (!raw) return undefined;
    const d = JSON.parse(raw) as Partial<ActionDraft>;
    if (typeof d !== 'object' || d === null || typeof d.savedAt !== 'string') return undefined;
    if (Date.now() - Date.parse(d.savedAt) > MAX_AGE_MS) {
      globalThis.localStorage.removeItem(key);
      return undefined;
    }
    const draft: ActionDraft = {
      comment: typeof d.comment === 'string' ? d.comment : '',
      opinion: typeof d.opinion === 'string' ? d.opinion : '',
      into: typeof d.into === 'string' ? d.into : '',
      savedAt: d.savedAt,
    };
    if (d.attempt && typeof d.attempt.expectedVersion === 'number' && typeof d.attempt.historyLength === 'number') draft.attempt = d.attempt;
    return draft;
  } catch {
    return undefined;
  }
}

/** Writes the draft; returns false when the browser refuses (private mode, quota), so the board can say so. */
export function writeDraft(key: string, input: ActionInput, attempt?: Attempt): boolean {
  const draft: ActionDraft = { ...input, savedAt: new Date().toISOString(), ...(attempt ? { attempt } : {}) };
  try {
    globalThis.localStorage.setItem(key, JSON.stringify(draft));
    return true;
  } catch {
    return false;
  }
}

export function clearDraft(key: string): void {
  try {
    globalThis.localStorage?.removeItem(key);
  } catch {
    /* nothing to clear */
  }
}

/** The drafts an actor left on a practice, newest first, with the event each one is for. */
export function draftsOn(actorId: string, practiceId: string): { type: ReviewEventType; key: string; draft: ActionDraft }[] {
  const prefix = draftKey(actorId, practiceId, '');
  const found: { type: ReviewEventType; key: string; draft: ActionDraft }[] = [];
  try {
    const storage = globalThis.localStorage;
    // Keys first: reading may remove an expired draft, which would shift the indices.
    const keys: string[] = [];
    for (let i = 0; i < storage.length; i++) {
      const key = storage.key(i);
      if (key?.startsWith(prefix)) keys.push(key);
    }
    for (const key of keys) {
      const draft = readDraft(key);
      if (draft) found.push({ type: key.slice(prefix.length) as ReviewEventType, key, draft });
    }
  } catch {
    return [];
  }
  return found.sort((a, b) => b.draft.savedAt.localeCompare(a.draft.savedAt));
}

/** True when the draft holds something a person typed or chose. */
export const hasContent = (d: ActionInput | undefined) => !!d && (d.comment.trim() !== '' || d.opinion !== '' || d.into !== '');
