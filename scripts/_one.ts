import { join } from 'node:path';
import { loadBank } from '../src/core/questions/load.js';
import { fitBullets } from '../src/core/tailor/bullet-fit.js';
import { indexBank } from '../src/core/tailor/profile.js';
import { compileThemes } from '../src/core/tailor/match.js';
const bank = await loadBank([{ path: join(process.cwd(), 'questions'), bundled: true }], { cwd: process.cwd() });
const matcher = compileThemes();
const index = indexBank(bank.questions, matcher);
const text = process.argv[2]!;
const [r] = fitBullets([{ text, listed: true } as any], index, matcher);
console.log('themes', [...r!.themes], 'cover', r!.themeCover.toFixed(2));
console.log('stems', [...r!.stems].map(([s, w]) => `${s}:${w.toFixed(2)}`).join(' '));
for (const f of r!.fits.slice(0, 8)) { const p = index.profiles.find((x) => x.id === f.id)!; console.log(f.id, f.fit, 'themes', [...r!.themes.keys()].map((t) => `${t}=${p.themes.get(t) ?? 0}`).join(','), 'said', [...r!.stems.keys()].map((s) => `${s}=${(p.terms.get(s) ?? 0).toFixed(1)}`).join(' ')); }
for (const id of process.argv.slice(3)) { const f = r!.fits.find((x) => x.id === id); const p = index.profiles.find((x) => x.id === id)!; console.log('>>', id, f?.fit, [...r!.themes.keys()].map((t) => `${t}=${p.themes.get(t) ?? 0}`).join(','), [...r!.stems.keys()].map((s) => `${s}=${(p.terms.get(s) ?? 0).toFixed(1)}`).join(' ')); }
