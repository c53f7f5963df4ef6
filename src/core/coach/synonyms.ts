import { SMALL_MARK, bareStem, phraseStems } from './text.js';

/**
 * Ways people say the same thing in release work. A term that is one of these phrases also
 * matches the others, so "we backed out the change" counts for a point whose term is "revert".
 * Words that nearly every release answer uses (deploy, test, late) are left out on purpose: as
 * synonyms they would make any answer look on topic for any question.
 */
const GROUPS: readonly (readonly string[])[] = [
  ['roll back', 'revert', 'back out', 'undo the deploy', 'previous version', 'last good version', 'last known good'],
  ['roll forward', 'fix forward'],
  ['postmortem', 'retrospective', 'retro', 'lessons learned', 'post incident review', 'incident review', 'debrief', 'after action review'],
  ['feature flag', 'feature toggle', 'kill switch', 'toggle', 'flag off'],
  ['canary', 'staged rollout', 'phased rollout', 'gradual rollout', 'incremental rollout', 'percentage rollout', 'progressive rollout', 'progressive delivery', 'in waves'],
  ['monitor', 'watch', 'observe', 'keep an eye', 'observability'],
  ['stakeholder', 'leadership', 'executive', 'senior management', 'business side', 'sponsor'],
  ['communicate', 'inform', 'notify', 'heads up', 'announce', 'keep posted', 'status update'],
  ['deadline', 'due date', 'target date', 'cutoff', 'launch date', 'go live date'],
  ['delay', 'slip', 'postpone', 'push back', 'behind schedule', 'move the date'],
  ['risk', 'risky', 'danger', 'exposure'],
  ['qa', 'quality assurance'],
  ['verify', 'validate', 'double check'],
  ['automate', 'self service', 'no manual'],
  ['agree', 'consensus', 'align', 'buy in', 'sign off', 'approve', 'approval'],
  ['listen', 'hear', 'heard', 'hear out'],
  ['separately', 'one on one', 'one to one', 'individually', 'in private', 'privately'],
  ['escalate', 'raise the issue', 'flag up', 'raise it'],
  ['incident', 'outage', 'production issue', 'sev1', 'sev 1'],
  ['root cause', 'underlying cause', 'five whys', '5 whys'],
  ['apologize', 'apologise', 'apology', 'sorry'],
  ['ownership', 'own up', 'accountable', 'responsibility', 'my fault', 'my mistake', 'i was wrong', 'took the blame'],
  ['blue green', 'red black'],
  ['metric', 'measure', 'kpi', 'indicator', 'count', 'track', 'numbers for'],
  ['runbook', 'playbook', 'run book'],
  ['code freeze', 'freeze', 'lockdown', 'lock down', 'branch cut'],
  ['dependency', 'depend on', 'blocked by', 'upstream', 'downstream'],
  ['prioritize', 'prioritise', 'priority', 'triage', 'must have', 'trade off'],
  ['descope', 'cut scope', 'reduce scope', 'scope down', 'smaller scope', 'drop feature', 'cut feature', 'mvp', 'left out',
    'took out', 'pulled out', 'held back', 'came out of', 'next release', 'deferred', 'defer', 'postponed'],
  ['transparent', 'transparency', 'honest', 'candid', 'open about'],
  ['contingency', 'fallback', 'fall back', 'plan b', 'backup plan', 'safety net'],
  ['database', 'db', 'data store'],
  ['backward compatible', 'backwards compatible', 'backward compatibility', 'compatible'],
  ['error rate', 'failure rate', '5xx', '500s', 'error spike'],
  ['latency', 'response time', 'p95', 'p99'],
  ['threshold', 'trigger', 'criteria', 'guardrail', 'exit criteria'],
  ['decide', 'decision', 'make the call', 'made the call'],
  ['document', 'documentation', 'write up', 'wiki', 'confluence'],
  ['semantic versioning', 'semver', 'semantic version'],
  ['trunk based', 'mainline', 'main branch'],
  ['mentor', 'coach', 'pair with', 'shadow'],
  ['lead time', 'cycle time', 'time to production'],
  ['time to restore', 'mttr', 'mean time to recovery', 'time to recover', 'recovery time'],
  ['change failure rate', 'failed deployment', 'failed change'],
  ['deployment frequency', 'deploy frequency', 'release frequency', 'how often we deploy'],
  ['rollback plan', 'back out plan', 'backout plan', 'revert plan', 'way back', 'plan to go back', 'undo plan'],
  ['severity', 'sev1', 'sev 1', 'sev2', 'sev 2', 'p1', 'p2', 'p0', 'priority one', 'blocker', 'blocking bug', 'showstopper', 'critical bug'],
  ['option', 'choice', 'alternative', 'scenario', 'path', 'route', 'way forward'],
  ['offer', 'give', 'present', 'bring', 'put forward', 'lay out', 'table'],
  ['take sides', 'pick a side', 'pick sides', 'choose sides', 'side with', 'play favourites', 'play favorites'],
  ['neutral', 'impartial', 'even handed', 'unbiased'],
  ['quarantine', 'parked', 'park', 'set aside', 'isolate', 'skip list'],
  ['flaky', 'intermittent', 'unreliable test', 'random failure'],
  ['uat', 'user acceptance', 'acceptance testing', 'acceptance test'],
  ['rehearse', 'dry run', 'practice run', 'tried it', 'tested it', 'drill', 'game day'],
  ['small group', 'subset of users', 'some users', 'beta group', 'early adopters', 'pilot group', 'friendly customers'],
  ['go no go', 'go or no go', 'go decision', 'ship or not', 'release decision', 'readiness review'],
  ['checklist', 'check list', 'list of checks', 'criteria list'],
  ['on call', 'on duty', 'on the rota'],
  ['hotfix', 'hot fix', 'emergency fix', 'urgent fix', 'patch release'],
  ['changelog', 'change log', 'release notes'],
  ['audit trail', 'audit log', 'evidence', 'paper trail', 'record of approval'],
  ['sbom', 'bill of materials'],
  ['sign', 'signature', 'signed', 'signing'],
  ['artifact', 'artefact', 'build output', 'binary', 'image'],
  ['promote', 'promotion', 'same build', 'same artifact', 'build once'],
  ['environment parity', 'same config', 'like production', 'production like', 'mirror production'],
  ['bake time', 'bake period', 'soak', 'soak time', 'wait a while'],
  ['smoke test', 'sanity check', 'quick check'],
  ['pain point', 'what hurt', 'biggest problem', 'frustration', 'complaint'],
  ['baseline', 'starting point', 'before number', 'where we started', 'measured first'],
  ['pilot', 'trial', 'try it on', 'one team first', 'proof of concept'],
  ['buy in', 'win over', 'bring along', 'on board', 'onboard', 'support from'],
  ['bad news', 'hard news', 'unwelcome news'],
  ['early', 'without waiting', 'as soon as', 'straight away', 'right away', 'immediately', 'same day', 'that day', 'same afternoon',
    'that afternoon', 'same morning', 'that morning', 'within the hour', 'within an hour', 'within hours', 'within two hours',
    'within a day', 'at once', 'the moment'],
  ['recommend', 'recommendation', 'propose', 'suggest'],
  ['mitigate', 'mitigation', 'reduce the risk', 'limit the damage', 'contain'],
  ['blast radius', 'how many users', 'who is affected'],
  ['add new column', 'add column', 'new column', 'additive change'],
  ['dual write', 'write to both', 'writes to both', 'both columns'],
  ['delegate', 'hand over', 'hand off', 'let them lead', 'let them run'],
  ['feedback', 'debrief', 'review together', 'went through it together'],
  ['talk', 'speak', 'chat', 'sat down with', 'met with', 'conversation'],
  ['ask', 'interview', 'survey', 'poll'],
  ['customer', 'user', 'client', 'end user'],
  ['problem', 'issue', 'pain', 'trouble', 'headache'],
  ['fix', 'repair', 'resolve', 'solve'],
  ['quick', 'fast', 'rapid', 'swift'],
  ['small', 'little', 'minor', 'tiny'],
  ['owner', 'responsible', 'accountable', 'named person', 'in charge'],
  ['meeting', 'sync', 'stand up', 'standup', 'huddle', 'check in'],
  ['message', 'note', 'email', 'memo'],
  ['explain', 'walk through', 'spell out', 'describe'],
  ['plain language', 'plain english', 'plain words', 'simple words', 'no jargon', 'without jargon', 'everyday language'],
  ['learner', 'trainee', 'mentee', 'junior', 'apprentice'],
  ['shadow', 'beside me', 'alongside', 'ride along', 'rode along', 'sat with', 'sit with', 'watch me'],
  ['alone', 'on their own', 'on her own', 'on his own', 'by themselves', 'solo', 'independently', 'unsupervised'],
  ['write down', 'document', 'handbook', 'guide', 'written'],
  ['feedback', 'what went well', 'what to change', 'even better if'],
  ['available', 'reachable', 'on hand', 'phone call away'],
  ['step back', 'hands off', 'let go', 'back seat'],
  ['trust', 'confidence', 'credibility', 'faith'],
  ['directly', 'in person', 'face to face', 'personally', 'walked over', 'went to see', 'went over to', 'their office', 'phoned'],
  ['manual', 'by hand', 'hand built', 'typed in', 'copy paste'],
  ['error prone', 'typo', 'wrong setting', 'human error', 'typed wrong'],
  ['automate', 'script', 'scripted', 'generated automatically'],
  ['biggest cause', 'main cause', 'worst problem', 'caused most'],
  ['baseline', 'counted', 'measured', 'timed'],
  ['scope', 'what had to change', 'size of the change', 'how big'],
  ['non essential', 'nice to have', 'optional', 'could wait', 'can wait'],
  ['stabilise', 'stabilize', 'settle', 'bed in', 'hypercare', 'warranty period'],
  ['quality gate', 'must pass', 'green build', 'all tests pass'],
  ['source of truth', 'single place', 'one place', 'one page', 'shared tracker', 'shared plan', 'one sheet'],
  ['quick win', 'early win', 'easy win', 'low hanging fruit'],
  ['roadmap', 'priority list', 'ordered list', 'prioritised plan', 'prioritized plan'],
  ['evidence', 'facts', 'test results', 'figures'],
  ['opinion', 'gut feeling', 'hunch', 'feels ready'],
  ['end of life', 'eol', 'out of support', 'unsupported', 'support ends'],
  ['bundle', 'together with', 'mixed with', 'piggyback'],
  ['in the open', 'visible', 'visibly', 'public', 'everyone can see'],
  ['median', 'percentile', 'p50', 'p90', 'middle value'],
  ['average', 'mean'],
  ['commander', 'incident lead', 'coordinator', 'runs the call'],
  ['blameless', 'no blame', 'not blaming', 'without blame', 'not about who'],
  ['action item', 'follow up action', 'owner and a date'],
  ['cadence', 'rhythm', 'every week', 'regular'],
  ['unfinished', 'not ready', 'half done', 'incomplete'],
  ['switched off', 'turned off', 'disabled', 'dark', 'hidden'],
  ['firm', 'held my ground', 'stood firm', 'would not budge', 'polite but clear'],
  ['respect', 'respectful', 'polite', 'courteous'],
  ['relationship', 'rapport', 'working together', 'still work well'],
  ['declare', 'open an incident', 'opened an incident', 'call an incident', 'raise an incident', 'start an incident'],
  ['follow up', 'chase', 'check on', 'check back', 'go back to'],
  ['regular', 'every week', 'every day', 'every morning', 'every evening', 'every monday', 'every tuesday',
    'every wednesday', 'every thursday', 'every friday', 'weekly', 'daily', 'twice a week', 'each week', 'each day'],
  ['plainly', 'plain', 'simply', 'clearly', 'straight', 'bluntly', 'no spin', 'short and clear'],
  ['real need', 'what they actually needed', 'underlying need', 'what they wanted to achieve', 'the goal behind'],
];

export type StemSeq = readonly string[];

export interface Thesaurus {
  /** Every way to say a term, itself first, as stem sequences: the whole term, or one part of it, said another way. */
  expand(term: string): StemSeq[];
  /** Other single words for one word's stem. */
  wordsLike(stem: string): string[];
  /** Phrases of two or more words that say what one word says ("one on one" for "separately"). */
  phrasesLike(stem: string): StemSeq[];
}

const MAX_WAYS = 24;
const keyOf = (seq: readonly string[]) => seq.map(bareStem).join('');

export function buildThesaurus(groups: readonly (readonly string[])[] = GROUPS): Thesaurus {
  // Keyed by the stems written together, so "rollback" and "roll back" are one key.
  const byKey = new Map<string, string[][]>();
  let longest = 1;
  for (const group of groups) {
    const seqs = group.map(phraseStems).filter((s) => s.length > 0);
    for (const seq of seqs) {
      longest = Math.max(longest, seq.length);
      const key = keyOf(seq);
      const list = byKey.get(key) ?? [];
      for (const other of seqs) if (!list.some((x) => x.join(' ') === other.join(' '))) list.push(other);
      byKey.set(key, list);
    }
  }
  const memo = new Map<string, StemSeq[]>();
  return {
    expand(term) {
      const cached = memo.get(term);
      if (cached) return cached;
      const own = phraseStems(term);
      const out: string[][] = [];
      const seen = new Set<string>();
      const add = (seq: string[]) => {
        const key = seq.join(' ');
        if (seq.length === 0 || seen.has(key) || out.length >= MAX_WAYS) return;
        seen.add(key);
        out.push(seq);
      };
      add(own);
      // Longest parts first: "rollback plan" is a phrase of its own before "rollback" is.
      for (let len = Math.min(longest, own.length); len >= 1; len--) {
        for (let i = 0; i + len <= own.length; i++) {
          for (const alt of byKey.get(keyOf(own.slice(i, i + len))) ?? []) {
            add([...own.slice(0, i), ...alt, ...own.slice(i + len)]);
          }
        }
      }
      memo.set(term, out);
      return out;
    },
    wordsLike(stem) {
      return (byKey.get(stem) ?? [])
        .filter((seq) => seq.length === 1 && seq[0] !== stem && !seq[0]?.startsWith(SMALL_MARK))
        .map((seq) => seq[0] as string);
    },
    phrasesLike(stem) {
      return (byKey.get(stem) ?? []).filter((seq) => seq.length >= 2);
    },
  };
}
