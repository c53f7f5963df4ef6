import { InputError } from '../errors.js';
import type { HistoryRecord, SessionRecord } from '../history/schema.js';
import type { Rng } from '../random.js';
import { newSessionId } from './session.js';

/** Attempts recorded from scripts with no more than this between them make one session. */
export const SCRIPTED_SESSION_GAP_MS = 60 * 60 * 1000;
const SESSION_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

export interface SessionPlacement {
  id: string;
  /** The session's marker when this attempt starts it; written with the attempt. */
  marker: SessionRecord | undefined;
}

/**
 * The session an attempt recorded outside a drill (`coach --record`) belongs to. A named session is
 * joined or started. Without a name, the attempt joins the scripted session of the newest attempt when
 * that is under an hour old, so a loop over questions is one session; otherwise it starts a new one.
 */
export function placeScriptedAttempt(records: readonly HistoryRecord[], opts: { name?: string | undefined; now: Date; rng: Rng }): SessionPlacement {
  const sessions = new Map<string, SessionRecord>();
  for (const r of records) if (r.type === 'session') sessions.set(r.id, r);
  const start = (id: string): SessionPlacement => ({ id, marker: { type: 'session', id, at: opts.now.toISOString(), scripted: true } });
  if (opts.name !== undefined) {
    const name = opts.name.trim();
    if (!SESSION_NAME.test(name)) {
      throw new InputError('--session needs a name of letters, digits, dots, dashes or underscores (up to 64)', 'invalid');
    }
    return sessions.has(name) ? { id: name, marker: undefined } : start(name);
  }
  let newest: HistoryRecord | undefined;
  for (let i = records.length - 1; i >= 0 && !newest; i--) if (records[i]?.type === 'attempt') newest = records[i];
  if (newest?.type === 'attempt' && newest.session && sessions.get(newest.session)?.scripted) {
    const gap = opts.now.getTime() - Date.parse(newest.at);
    if (gap >= 0 && gap <= SCRIPTED_SESSION_GAP_MS) return { id: newest.session, marker: undefined };
  }
  return start(newSessionId(opts.now, opts.rng));
}
