import { join } from 'node:path';
import { InputError } from '../errors.js';
import { suggest } from '../suggest.js';
import { clip } from '../text/sanitize.js';
import type { Bank, BankSource, LoadOptions } from './bank.js';
import { lookupCachedQuestion, readCachedListing, type Listing } from './cache.js';
import { loadBank, loadListing } from './load.js';
import type { Question } from './schema.js';
import { listRow } from './cache-shape.js';

/** Where questions come from, and the cheapest way to answer each kind of request. */
export interface QuestionSource {
  /** The whole bank, loaded once (from the cache of parsed files when it holds). */
  loadBank(): Promise<Bank>;
  /** What `list` shows: from the cache when no question file changed, else from the loaded bank. */
  listQuestions(): Promise<Listing>;
  /** One question by id, from the cache when nothing changed, else from the loaded bank. */
  findQuestion(id: string): Promise<Question | undefined>;
  /** The listing from the cache alone; undefined when the cache does not hold (nothing is parsed). */
  cachedListing(): Listing | undefined;
  /** One question from the cache alone; undefined when the cache does not show it is current. */
  cachedQuestion(id: string): Question | undefined;
}

/** The bundled bank (questions/ in the package) followed by the user's own folders and packs. */
export function bankSources(packageRoot: string, userQuestionPaths: readonly string[]): BankSource[] {
  return [{ path: join(packageRoot, 'questions'), bundled: true }, ...userQuestionPaths.map((path) => ({ path, bundled: false }))];
}

export function openQuestionSource(sources: BankSource[], opts: LoadOptions & { cacheDir: string }): QuestionSource {
  let bank: Promise<Bank> | undefined;
  const source: QuestionSource = {
    loadBank() {
      bank ??= loadBank(sources, opts);
      return bank;
    },
    cachedListing: () => readCachedListing(opts.cacheDir, sources, opts),
    cachedQuestion: (id) => lookupCachedQuestion(opts.cacheDir, sources, opts, id),
    async listQuestions() {
      const cached = source.cachedListing();
      if (cached) return cached;
      if (!bank) return loadListing(sources, opts);
      const loaded = await bank;
      return { rows: loaded.questions.map(listRow), problems: loaded.problems };
    },
    async findQuestion(id) {
      return source.cachedQuestion(id) ?? (await source.loadBank()).byId.get(id);
    },
  };
  return source;
}

/**
 * The question with this id (case and surrounding space do not matter), or a 'missing' error that
 * suggests close ids. `onBankLoaded` sees the bank when it had to be loaded to make suggestions.
 */
export async function requireQuestion(source: QuestionSource, id: string, onBankLoaded?: (bank: Bank) => void): Promise<Question> {
  const question = await source.findQuestion(id.trim().toLowerCase());
  if (question) return question;
  const bank = await source.loadBank();
  onBankLoaded?.(bank);
  const close = suggest(id, [...bank.byId.keys()]);
  throw new InputError(`no question with id "${clip(id)}"`, 'missing', close.length > 0 ? `did you mean ${close.join(', ')}?` : "see 'rmprep list' for every id");
}
