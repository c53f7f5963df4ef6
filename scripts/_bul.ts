import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadBank } from '../src/core/questions/load.js';
import { fitBullets } from '../src/core/tailor/bullet-fit.js';
import { isAboutWork } from '../src/core/tailor/bullet-picks.js';
import { readBullets } from '../src/core/tailor/bullets.js';
import { indexBank } from '../src/core/tailor/profile.js';
import { compileThemes } from '../src/core/tailor/match.js';
const bank = await loadBank([{ path: join(process.cwd(), 'questions'), bundled: true }], { cwd: process.cwd() });
const matcher = compileThemes();
const index = indexBank(bank.questions, matcher);
for (const r of fitBullets(readBullets(readFileSync(process.argv[2]!, 'utf8')), index, matcher)) {
  console.log(`${(r.fits[0]?.fit ?? 0).toFixed(2)} ${r.bullet.listed ? 'L' : 'P'} ${isAboutWork(r) ? 'W' : '-'} [${r.bullet.section ?? ''}] ${r.bullet.text.slice(0, 90)} | ${r.fits.slice(0, 3).map((f) => `${f.id}:${f.fit}`).join(' ')}`);
}
