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

/** The session name given with `--session`, trimmed; refused unless it is a plain name. */
export function checkSessionName(name: string): string {
  const trimmed = name.trim();
  if (!SESSION_NAME.test(trimmed)) {
    throw new InputError('--session needs a name of letters, digits, dots, dashes or underscores (up to 64)', 'invalid');
  }
  return trimmed;
}

/**
 * The session an attempt recorded outside a drill (`coach --record`) belongs to. A named session is
 * joined (the newest one labelled so) or started, with a generated id and the name as its label; the
 * caller decides this under the history's lock, so two writers never both start one. Without a name, the
 * attempt joins the scripted session of the newest attempt when that is under an hour old, so a loop over
 * questions is one session; otherwise it starts a new one.
 */
export function placeScriptedAttempt(records: readonly HistoryRecord[], opts: { name?: string | undefined; now: Date; rng: Rng }): SessionPlacement {
  const sessions = new Map<string, SessionRecord>();
  let labelled: SessionRecord | undefined;
  const name = opts.name === undefined ? undefined : checkSessionName(opts.name);
  for (const r of records) {
    if (r.type !== 'session') continue;
    sessions.set(r.id, r);
    // A session kept from before labels (a rescue file of that time) is named by its id.
    if (name !== undefined && (r.label === name || (r.label === undefined && r.id === name))) labelled = r;
  }
  const start = (id: string): SessionPlacement => ({
    id,
    marker: { type: 'session', id, ...(name !== undefined ? { label: name } : {}), at: opts.now.toISOString(), scripted: true },
  });
  if (name !== undefined) return labelled ? { id: labelled.id, marker: undefined } : start(newSessionId(opts.now, opts.rng));
  let newest: HistoryRecord | undefined;
  for (let i = records.length - 1; i >= 0 && !newest; i--) if (records[i]?.type === 'attempt') newest = records[i];
  if (newest?.type === 'attempt' && newest.session && sessions.get(newest.session)?.scripted) {
    const gap = opts.now.getTime() - Date.parse(newest.at);
    if (gap >= 0 && gap <= SCRIPTED_SESSION_GAP_MS) return { id: newest.session, marker: undefined };
  }
  return start(newSessionId(opts.now, opts.rng));
}
