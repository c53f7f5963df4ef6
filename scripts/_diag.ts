import { join } from 'node:path';
import { loadBank } from '../src/core/questions/load.js';
import { createRanker } from '../src/core/tailor/rank.js';
import { fitBullets } from '../src/core/tailor/bullet-fit.js';
import { readBullets } from '../src/core/tailor/bullets.js';
import { compileThemes } from '../src/core/tailor/match.js';
import { loadKeyed } from './tailor-keys.js';
const postings = join(process.cwd(), 'test', 'fixtures', 'postings');
const bank = await loadBank([{ path: join(process.cwd(), 'questions'), bundled: true }], { cwd: process.cwd() });
const matcher = compileThemes();
const ranker = createRanker(bank.questions, matcher);
const p: string[] = [];
const keyed = [...loadKeyed(join(postings, 'tuning'), 'tuning', p), ...loadKeyed(join(postings, 'eval', 'tune'), 'eval/tune', p)];
const sq = (s: string) => s.replace(/\s+/g, ' ').trim().toLowerCase();
for (const k of keyed) {
  const r = ranker.rank(k.posting, 15);
  const cut = new Set(r.questions.slice(0, r.bullets.cut).map((q) => q.id));
  const readings = fitBullets(readBullets(k.posting), ranker.index, matcher);
  const keyQs = new Set(k.bullets.flatMap((b: any) => b.questions ?? []));
  console.log(`\n## ${k.name} cut ${r.bullets.cut}; non-key in cut: ${[...cut].filter((id) => !keyQs.has(id)).join(', ')}`);
  for (const b of k.bullets) {
    const rd = readings.find((x) => sq(x.bullet.text).includes(sq(b.bullet)) || sq(b.bullet).includes(sq(x.bullet.text)));
    const top = rd?.fits.slice(0, 4).map((f) => `${f.id}:${f.fit}`).join(' ') ?? 'NO READING';
    if ('gap' in b) { console.log(`  GAP ${b.bullet.slice(0, 70)} | ${top}`); continue; }
    for (const q of b.questions) {
      const i = rd?.fits.findIndex((f) => f.id === q) ?? -1;
      const f = i >= 0 ? rd!.fits[i]!.fit : 0;
      console.log(`  ${cut.has(q) ? 'ok  ' : 'MISS'} ${q} rank ${i + 1} fit ${f} | ${b.bullet.slice(0, 60)} | ${top}${rd ? ` listed=${rd.bullet.listed} sec=${rd.bullet.section ?? ''}` : ''}`);
    }
  }
}
