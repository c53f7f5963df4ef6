import { stemPhrase } from './text.js';

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
  ['listen', 'hear', 'heard', 'hear out', 'one on one', 'one to one'],
  ['escalate', 'raise the issue', 'flag up', 'raise it'],
  ['incident', 'outage', 'production issue', 'sev1', 'sev 1'],
  ['root cause', 'underlying cause', 'five whys', '5 whys'],
  ['apologize', 'apologise', 'apology', 'sorry'],
  ['ownership', 'own up', 'accountable', 'responsibility', 'my fault', 'my mistake', 'i was wrong', 'took the blame'],
  ['blue green', 'red black'],
  ['metric', 'measure', 'kpi', 'indicator'],
  ['runbook', 'playbook', 'run book'],
  ['code freeze', 'freeze', 'lockdown', 'lock down', 'branch cut'],
  ['dependency', 'depend on', 'blocked by', 'upstream', 'downstream'],
  ['prioritize', 'prioritise', 'priority', 'triage', 'must have', 'trade off'],
  ['descope', 'cut scope', 'reduce scope', 'scope down', 'smaller scope', 'drop feature', 'cut feature', 'mvp'],
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
];

export type StemSeq = readonly string[];

export interface Thesaurus {
  /** Every way to say a term, itself first, as stem sequences. */
  expand(term: string): StemSeq[];
}

export function buildThesaurus(groups: readonly (readonly string[])[] = GROUPS): Thesaurus {
  const byKey = new Map<string, StemSeq[]>();
  for (const group of groups) {
    const seqs = group.map(stemPhrase).filter((s) => s.length > 0);
    for (const seq of seqs) {
      const key = seq.join(' ');
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
      const own = stemPhrase(term);
      const out: StemSeq[] = [];
      if (own.length > 0) {
        const key = own.join(' ');
        out.push(own);
        for (const seq of byKey.get(key) ?? []) if (seq.join(' ') !== key) out.push(seq);
      }
      memo.set(term, out);
      return out;
    },
  };
}
