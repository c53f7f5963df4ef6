import { escapeMarkdownBlock, escapeMarkdownCell, escapeMarkdownInline } from '../core/export/markdown-escape.js';
import { RATINGS } from '../core/history/schema.js';
import { ID_PATTERN } from '../core/questions/categories.js';
import type { ReportAttempt, SessionReport } from '../core/practice/report.js';
import type { ReportFollowUp } from '../core/practice/report-follow-ups.js';
import { clip } from '../core/text/sanitize.js';
import { clean, wrap } from './render.js';
import type { Style } from './style.js';
import { plural } from '../core/text/plural.js';

export interface ReportRenderOptions {
  width: number;
  style: Style;
}

/** The session for a terminal: a summary, then each question with the answer given and the points not heard. */
export function renderReportText(report: SessionReport, { width, style }: ReportRenderOptions): string {
  const { session, summary } = report;
  const out: string[] = [];
  const title = [`Session ${clean(session.id)}`, when(session.at, true)];
  if (session.plan) title.push(`plan ${clip(session.plan)}`);
  out.push(style.heading(title.join(' · ')));
  out.push(wrap(summaryLine(report), width));
  const ratings = RATINGS.filter((r) => summary.ratings[r] > 0).map((r) => `${summary.ratings[r]} ${r}`);
  if (ratings.length > 0) out.push(style.dim(`Ratings: ${ratings.join(', ')}`));
  if (report.attempts.length === 0) {
    out.push('', style.dim('No answers were saved in this session.'));
    return `${out.join('\n')}\n`;
  }
  for (const a of report.attempts) {
    out.push('');
    out.push(style.bold(wrap(`${a.index}. ${a.question === null ? `(${clip(a.questionId)} is no longer in the question bank)` : clean(a.question)}`, width)));
    out.push(style.dim(wrap(metaBits(a).join(' · '), width, '   ')));
    if (a.answer !== null) {
      out.push(`   ${style.heading('Your answer')}`);
      out.push(wrapAnswer(clean(a.answer).trim(), width));
    } else if (a.mode === 'spoken') {
      out.push(style.dim('   Answered out loud; nothing typed to review.'));
    }
    if (a.coach) {
      if (a.missed.length > 0) {
        out.push(`   ${style.bad('Talking points not heard')}`);
        for (const m of a.missed) out.push(wrap(`- ${clean(m)}`, width, '     '));
      } else {
        out.push(`   ${style.good('Covered every talking point.')}`);
      }
    }
    for (const f of a.followUps) {
      out.push(`   ${style.heading('Follow-up')}`);
      out.push(wrap(clean(f.question), width, '     '));
      if (f.answer !== null) out.push(style.dim(wrap(clean(f.answer).trim(), width, '     ')));
      out.push(wrap(followUpText(f), width, '     '));
    }
    if (a.practise.length > 0) {
      out.push(`   ${style.heading('Practise next')}`);
      for (const t of a.practise) out.push(wrap(`- ${clean(t)}`, width, '     '));
    }
  }
  return `${out.join('\n')}\n`;
}

/** A shareable Markdown document of the session; all pack and answer text is escaped. */
export function renderReportMarkdown(report: SessionReport): string {
  const { session } = report;
  const out: string[] = [];
  out.push(`# Practice session, ${escapeMarkdownInline(day(session.at))}${session.plan ? `: ${escapeMarkdownInline(clip(session.plan))}` : ''}`, '');
  const meta = [`**Session:** ${code(session.id)}`, `**Started:** ${when(session.at)}`];
  if (session.plan) meta.push(`**Plan:** ${escapeMarkdownInline(clip(session.plan))}`);
  if (session.timeLimit !== null) meta.push(`**Time limit:** ${duration(session.timeLimit)} per answer`);
  out.push(meta.join(' · '), '', escapeMarkdownInline(summaryLine(report)), '');
  if (report.attempts.length === 0) {
    out.push('No answers were saved in this session.');
    return `${out.join('\n')}\n`;
  }
  out.push('| # | Question | Rating | Score | Time |', '| ---: | --- | --- | ---: | --- |');
  for (const a of report.attempts) {
    const cells = [String(a.index), escapeMarkdownCell(questionText(a)), a.rating, a.score === null ? '–' : String(a.score), escapeMarkdownCell(timeText(a))];
    out.push(`| ${cells.join(' | ')} |`);
  }
  out.push('');
  for (const a of report.attempts) {
    out.push(`## ${a.index}. ${escapeMarkdownInline(questionText(a))}`, '');
    out.push(`*${a.category} · ${code(a.questionId)}*`, '');
    if (a.answer !== null) {
      out.push(...escapeMarkdownBlock(a.answer).map((line) => (line === '' ? '>' : `> ${line}`)), '');
    } else {
      out.push(a.mode === 'spoken' ? '*Answered out loud; nothing typed.*' : '*No answer saved.*', '');
    }
    const facts = [`**Score:** ${a.score === null ? 'none' : `${a.score}/100`}`, `**Rating:** ${a.rating}`, `**Time:** ${escapeMarkdownInline(timeText(a))}`];
    out.push(facts.join(' · '), '');
    if (a.coach) {
      if (a.missed.length > 0) {
        out.push('**Talking points not heard**', '', ...a.missed.map((m) => `- ${escapeMarkdownInline(m)}`), '');
      } else {
        out.push('Every talking point was covered.', '');
      }
    }
    for (const f of a.followUps) {
      out.push(`**Follow-up:** ${escapeMarkdownInline(f.question)}`, '');
      if (f.answer !== null) out.push(...escapeMarkdownBlock(f.answer).map((line) => (line === '' ? '>' : `> ${line}`)), '');
      out.push(escapeMarkdownInline(followUpText(f)), '');
    }
    // The same things to practise the terminal report gives.
    if (a.practise.length > 0) out.push('**Practise next**', '', ...a.practise.map((t) => `- ${escapeMarkdownInline(t)}`), '');
  }
  return `${out.join('\n').trimEnd()}\n`;
}

function summaryLine({ summary }: SessionReport): string {
  const bits = [`${plural(summary.questions, 'question')}`];
  if (summary.averageScore !== null) bits.push(`average score ${summary.averageScore}`);
  if (summary.totalSeconds > 0) bits.push(`${duration(summary.totalSeconds)} answering`);
  if (summary.overTime > 0) bits.push(`${summary.overTime} over time`);
  if (summary.followUps > 0) bits.push(`${summary.recovered} of ${plural(summary.followUps, 'follow-up')} recovered a missed point`);
  return `${bits.join(', ')}.`;
}

/** What a follow-up probed and whether the second answer recovered it. */
function followUpText(f: ReportFollowUp): string {
  const point = f.point ?? f.probes;
  if (point === null) return f.answer === null ? 'Answered out loud.' : 'It probed no particular point.';
  if (f.heard === null) return `Probed: ${clean(point)} (answered out loud, not judged).`;
  return `Probed: ${clean(point)}. ${f.heard ? 'Recovered in the second answer.' : 'Still missing after the second answer.'}`;
}

function metaBits(a: ReportAttempt): string[] {
  const bits = [a.category, clip(a.questionId), `rated ${a.rating}`];
  if (a.score !== null) bits.push(`score ${a.score}`);
  const time = timeText(a);
  if (time !== '') bits.push(time);
  return bits;
}

function questionText(a: ReportAttempt): string {
  return a.question ?? `(${clip(a.questionId)}: no longer in the question bank)`;
}

function timeText(a: ReportAttempt): string {
  if (a.seconds <= 0 && a.timeLimit === null) return '';
  const spent = duration(a.seconds);
  if (a.timeLimit === null) return spent;
  return `${spent} of ${duration(a.timeLimit)}${a.overTime ? ', over time' : ''}`;
}

/** 95 -> "1:35", 40 -> "0:40". */
export function duration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

/** A timestamp as "2024-05-01 14:02": in UTC for a shared document, in local time for the terminal. */
function when(iso: string, local = false): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return clip(iso, 40);
  if (!local) return `${d.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** The date of a timestamp; the stored text, cut, when it is not one (a hand-edited history). */
function day(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? clip(iso, 40) : d.toISOString().slice(0, 10);
}

function code(id: string): string {
  return ID_PATTERN.test(id) ? `\`${id}\`` : escapeMarkdownInline(clip(id));
}

/** An answer as it was typed: every line break kept (wrap alone would join lines one newline apart). */
function wrapAnswer(text: string, width: number): string {
  return text
    .split('\n')
    .map((line) => (line.trim() === '' ? '' : wrap(line, width, '     ')))
    .join('\n');
}
