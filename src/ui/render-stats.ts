import type { Stats } from '../core/practice/stats.js';
import { describeAverageRating } from './rating-words.js';
import { clean, truncate } from './render.js';
import type { Style } from './style.js';
import { wrapText } from './text.js';
import { plural } from '../core/text/plural.js';

const SPARKS = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];

export function bar(fraction: number, width: number): string {
  const filled = Math.round(Math.min(1, Math.max(0, fraction)) * width);
  return '█'.repeat(filled) + '░'.repeat(width - filled);
}

/** One character per day; a blank-looking dot for a day without practice. */
export function sparkline(values: number[]): string {
  const max = Math.max(0, ...values);
  return values.map((v) => (v === 0 || max === 0 ? '·' : (SPARKS[Math.min(7, Math.ceil((v / max) * 8) - 1)] as string))).join('');
}

export function ago(iso: string | null, now: Date): string {
  if (!iso) return 'never';
  const days = Math.floor((now.getTime() - Date.parse(iso)) / 86_400_000);
  if (days <= 0) return 'today';
  if (days === 1) return 'yesterday';
  return `${days} days ago`;
}

/** The stats screen: need per category, due, streak, activity, weakest questions, what to run next. */
export function renderStats(stats: Stats, { width, style, now }: { width: number; style: Style; now: Date }): string {
  const lines: string[] = [];
  lines.push(style.heading('Progress'));
  lines.push(`  ${stats.practiced} of ${stats.questions} questions practised, ${plural(stats.totalAttempts, 'attempt')}`);
  lines.push('');
  lines.push(style.heading('Need by category') + style.dim('  (higher = practise more)'));
  const barWidth = Math.max(8, Math.min(20, width - 40));
  for (const c of stats.categories) {
    const color = c.need >= 60 ? style.bad : c.need >= 30 ? style.warn : style.good;
    lines.push(`  ${c.category.padEnd(11)} ${color(bar(c.need / 100, barWidth))} ${String(c.need).padStart(3)}`);
    const avg = c.averageRating === null ? 'not rated yet' : `average ${describeAverageRating(c.averageRating)}`;
    const detail = `${c.practiced}/${c.questions} practised · ${plural(c.attempts, 'attempt')} · ${avg} · ${c.due} due · ${c.lastPracticed ? `last ${ago(c.lastPracticed, now)}` : 'never practised'}`;
    const pad = ' '.repeat(14);
    lines.push(...wrapText(detail, width, pad, pad).map((l) => style.dim(l)));
  }
  lines.push('');
  const streak = stats.streak.current > 0 ? `${plural(stats.streak.current, 'day')}` : 'none';
  lines.push(`${style.heading('Due')}  ${stats.dueNow} now · ${stats.dueToday} today · ${stats.dueThisWeek} this week`);
  lines.push(`${style.heading('Streak')}  ${streak}${stats.streak.longest > 0 ? ` (best ${stats.streak.longest})` : ''}${stats.streak.practicedToday || stats.streak.current === 0 ? '' : ' · practise today to keep it'}`);
  const total14 = stats.activity.reduce((a, d) => a + d.attempts, 0);
  const f = stats.followUps;
  if (f.judged > 0) {
    const text = `${f.recovered} of ${f.judged} typed follow-up answers recovered a missed point (${Math.round((f.recovered / f.judged) * 100)}%)`;
    const [first = '', ...rest] = wrapText(`Follow-ups  ${text}`, width, '', '            ');
    lines.push(`${style.heading('Follow-ups')}${first.slice('Follow-ups'.length)}`, ...rest);
  }
  lines.push(`${style.heading('Last 14 days')}  ${sparkline(stats.activity.map((d) => d.attempts))}  ${style.dim(`${plural(total14, 'attempt')}`)}`);
  const weak = stats.categories.filter((c) => c.weakest.length > 0);
  if (weak.length > 0) {
    lines.push('');
    lines.push(style.heading('Weakest questions'));
    for (const c of weak) {
      for (const w of c.weakest) {
        lines.push(`  ${truncate(`${c.category}: ${w.id} (average ${describeAverageRating(w.averageRating)}${w.lapses ? `, ${plural(w.lapses, 'lapse')}` : ''}) ${clean(w.question)}`, width - 2)}`);
      }
    }
  }
  if (stats.next) {
    lines.push('');
    lines.push(`${style.heading('Next')}  ${style.accent(stats.next.command)}`);
  }
  return lines.join('\n') + '\n';
}
