import { describe, expect, it } from 'vitest';
import { distinctNumbers, findNumbers, findTools } from '../../src/core/coach/specifics.js';
import { analyzeText } from '../../src/core/coach/text.js';

const numbers = (text: string) => distinctNumbers(findNumbers(text));

describe('numbers', () => {
  it.each([
    ['errors reached 3.4% at peak', ['3.4%']],
    ['about 1,100 failed checkouts', ['1,100']],
    ['it took 3 weeks', ['3 weeks']],
    ['a 20-minute canary', ['20-minute']],
    ['we cut it to 14 minutes from 38', ['14 minutes', '38']],
    ['p95 latency and 5xx errors', ['p95', '5xx']],
    ['two releases and three weeks later', ['two releases', 'three weeks']],
    ['twenty five engineers', ['twenty five engineers']],
    ['one week of testing', ['one week']],
    ['a couple of days, half an hour', ['a couple of days', 'half an hour']],
    ['saved $20k and went 10x faster', ['$20k', '10x']],
    ['fifty percent fewer pages', ['fifty percent']],
    ['a hundred tickets in three regions', ['hundred tickets', 'three regions']],
    ['version 2.4.1 at 3pm', ['2.4.1', '3pm']],
  ])('finds the figures in "%s"', (text, expected) => {
    expect(numbers(text)).toEqual(expected);
  });

  it.each(['no one knew', 'one of the teams', 'k8s and p2p', 'a week later', 'someone', 'v2', 'not a hundred separate tickets', 'in 2022 we moved', 'ten of us agreed', 'P1 or Sev2 bugs'])('finds nothing in "%s"', (text) => {
    expect(numbers(text)).toEqual([]);
  });

  it('keeps the first spelling of a repeated figure', () => {
    expect(numbers('5 minutes, then 5 Minutes again, then 5 minutes')).toEqual(['5 minutes']);
  });

  it('reports where each figure starts', () => {
    expect(findNumbers('took 12 days')).toEqual([{ text: '12 days', start: 5 }]);
  });
});

describe('tools and practices', () => {
  it.each([
    ['We ran Jenkins and later GitHub Actions', ['Jenkins', 'GitHub Actions']],
    ['ArgoCD synced it to Kubernetes (k8s)', ['Argo CD', 'Kubernetes']],
    ['feature toggles in LaunchDarkly', ['LaunchDarkly', 'feature flags']],
    ['a blue-green switch, then canaries', ['canary', 'blue-green']],
    ['we agreed SLOs and tracked the DORA metrics', ['SLO', 'DORA']],
    ['semantic versioning with tags', ['semver']],
    ['posted in the Slack channel', ['Slack']],
  ])('names the tools in "%s"', (text, expected) => {
    expect(findTools(analyzeText(text))).toEqual(expected);
  });

  it('does not take ordinary words for tools', () => {
    expect(findTools(analyzeText('There was no slack in the plan, so we flagged it.'))).toEqual([]);
  });
});
