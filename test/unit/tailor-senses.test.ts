import { describe, expect, it } from 'vitest';
import { compileThemes } from '../../src/core/tailor/match.js';
import { findInSenses } from '../../src/core/tailor/senses.js';

const matcher = compileThemes();
const themesOf = (text: string) => findInSenses(matcher, text).map((h) => `${h.theme}:${h.surface.toLowerCase()}`);

describe('word senses in a posting', () => {
  it.each([
    'Report on DORA metrics such as deployment frequency and change failure rate to engineering leadership.',
    'Track our DORA numbers and improve lead time quarter on quarter.',
  ])('reads DORA as the delivery metrics in "%s"', (sentence) => {
    expect(themesOf(sentence)).toContain('dora:dora');
  });

  it.each([
    'Ensure our releases meet the EU Digital Operational Resilience Act (DORA), including ICT risk management and resilience testing.',
    'Support DORA compliance for ICT third-party risk across our critical suppliers.',
  ])('reads DORA as the EU regulation in "%s"', (sentence) => {
    const hits = themesOf(sentence);
    expect(hits).not.toContain('dora:dora');
    expect(hits).toContain('compliance:dora');
  });

  it('reads each sentence on its own: a regulation in one bullet leaves the metrics in the next', () => {
    const hits = themesOf('- Prepare for DORA, the EU regulation on operational resilience\n- Publish DORA dashboards for every team');
    expect(hits).toEqual(expect.arrayContaining(['compliance:dora', 'dora:dora']));
  });

  it.each([
    'Run the weekly mobile release train for our iOS and Android apps.',
    'Own the fortnightly release train that ships the app binary to the stores.',
  ])('reads "release train" as an app train in "%s"', (sentence) => {
    const hits = themesOf(sentence);
    expect(hits.filter((h) => h.startsWith('safe:'))).toEqual([]);
    expect(hits).toContain('mobile:release train');
  });

  it.each([
    'Act as Release Train Engineer for two Agile Release Trains and facilitate PI Planning.',
    'Coordinate the release train across twelve teams in our SAFe portfolio, mobile included.',
  ])('keeps SAFe release trains in "%s"', (sentence) => {
    expect(themesOf(sentence).some((h) => h.startsWith('safe:'))).toBe(true);
  });

  it('keeps a sentence wrapped over two lines whole, and splits at bullets', () => {
    expect(themesOf('You will chair the weekly change\nadvisory board for the bank.')).toContain('change-approval:change advisory board');
    expect(themesOf('- Build the mobile app\n- Run the release train for the platform')).toContain('safe:release train');
  });

  it.each([
    'Own the release management practice as ITIL 4 describes it, beside change enablement.',
    'Run release management in line with our ITSM processes.',
  ])('reads "release management" as the ITIL practice in "%s"', (sentence) => {
    expect(themesOf(sentence)).toContain('itil:release management');
  });

  it.each([
    'Ten years in release management for mobile apps.',
    'We follow release management best practices for our weekly releases.',
  ])('reads "release management" as the job itself in "%s"', (sentence) => {
    expect(themesOf(sentence).filter((h) => h.startsWith('itil:'))).toEqual([]);
  });

  it('reads each bullet on its own: ITIL in one does not make the next a practice', () => {
    const hits = themesOf('- ITIL 4 Foundation\n- Five years of release management at a bank');
    expect(hits).not.toContain('itil:release management');
  });
});

describe('outsourcing', () => {
  it('an outsourced provider is a vendor; an outsourced team is a team elsewhere', () => {
    expect(themesOf('Work with our outsourced infrastructure provider.')).toEqual(['vendors:outsourced']);
    expect(themesOf('Coordinate our outsourced team in Manila.')).toContain('distributed-teams:outsourced team');
  });
});
