import { type AnalyzedText, findStems, stemPhrase } from './text.js';

export interface NumberMention {
  text: string;
  /** Character offset in the answer. */
  start: number;
}

const UNITS =
  'milliseconds?|ms|seconds?|secs?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?|quarters?|sprints?|' +
  'releases?|deploys?|deployments?|builds?|people|engineers|developers|teams|squads|services|customers|users|' +
  'incidents|bugs|defects|tickets|tests|stores|sites|hospitals|regions|countries|accounts|servers|pods|nodes|' +
  'patches|changes|steps|checks|calls|alerts|pages|rows|tables|files|lines|points|apps|products|teams|vendors|' +
  'microservices|repos|repositories|pipelines|environments|clusters|regions|markets|partners|hotfixes|rollbacks|' +
  'outages|failures|errors|requests|transactions|orders|bills|records|times|percent|per ?cent|x';
const SPELLED =
  'zero|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|' +
  'eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|dozen|million';
const NOT_WORD_BEFORE = '(?<![\\p{L}\\p{N}])';
const NOT_WORD_AFTER = '(?![\\p{L}\\p{N}])';

// Digits with an optional unit ("3.4%", "$20k", "12 minutes", "10x"), latency percentiles ("p95"),
// status classes ("5xx"), spelled numbers ("three weeks"); "one", "a couple of" and "half" only before a unit.
const DURATION_UNITS = UNITS.replace('|times|percent|per ?cent|x', '');
// A severity or priority label ("sev-1", "P1") names a class of thing, so the count is the number before
// it ("zero sev-1 incidents", "2 P1 bugs"), and its own digit is never a figure ("1 incidents").
const SEVERITY = `(?:sev(?:erity)?|p(?:riority)?)[ -]?[0-4]${NOT_WORD_AFTER}`;
const NUMBER = new RegExp(
  [
    `${NOT_WORD_BEFORE}(?:\\d+|${SPELLED}|no)[ -]${SEVERITY}[ -](?:${UNITS})${NOT_WORD_AFTER}`,
    `${NOT_WORD_BEFORE}(?<label>${SEVERITY})(?:[ -](?:${UNITS})${NOT_WORD_AFTER})?`,
    `${NOT_WORD_BEFORE}p(?:50|75|90|95|99|999)${NOT_WORD_AFTER}`,
    `${NOT_WORD_BEFORE}[1-5]xx${NOT_WORD_AFTER}`,
    `${NOT_WORD_BEFORE}[$€£]?\\d+(?:[.,]\\d+)*(?:\\s?(?:%|k|m|ms|s|h|x|am|pm)${NOT_WORD_AFTER}|${NOT_WORD_AFTER})(?:[ -](?:${UNITS})${NOT_WORD_AFTER})?`,
    `${NOT_WORD_BEFORE}(?:${SPELLED})(?:[ -](?:${SPELLED}))*[ -](?:${UNITS})${NOT_WORD_AFTER}`,
    `${NOT_WORD_BEFORE}(?:one|a couple of|half an?)[ -](?:${DURATION_UNITS})${NOT_WORD_AFTER}`,
  ].join('|'),
  'giu',
);
const MAX_NUMBERS = 50;

// A year on its own ("in 2022") dates the story; it does not measure anything.
const YEAR = /^(?:19|20)\d\d$/;

/** Quantities that measure something: digits, percentages, durations, spelled numbers with a unit or noun. */
export function findNumbers(text: string): NumberMention[] {
  const out: NumberMention[] = [];
  for (const m of text.matchAll(NUMBER)) {
    const found = m[0].trim();
    if (YEAR.test(found) || m.groups?.['label'] !== undefined) continue;
    out.push({ text: found, start: m.index });
  }
  return out;
}

/** Distinct mentions as written, first occurrence first. */
export function distinctNumbers(mentions: readonly NumberMention[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const m of mentions) {
    const key = m.text.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(m.text);
    if (out.length >= MAX_NUMBERS) break;
  }
  return out;
}

/** Tools and practices an interviewer recognises; the label is what the report shows. */
const TOOLS: readonly { label: string; say: readonly string[] }[] = [
  { label: 'Jenkins', say: ['jenkins'] },
  { label: 'GitHub Actions', say: ['github actions'] },
  { label: 'GitLab', say: ['gitlab'] },
  { label: 'CircleCI', say: ['circleci', 'circle ci'] },
  { label: 'Azure DevOps', say: ['azure devops', 'azure pipelines'] },
  { label: 'TeamCity', say: ['teamcity'] },
  { label: 'Bamboo', say: ['bamboo'] },
  { label: 'Argo CD', say: ['argo cd', 'argo rollouts', 'argo'] },
  { label: 'Flux', say: ['fluxcd', 'flux cd'] },
  { label: 'Spinnaker', say: ['spinnaker'] },
  { label: 'Octopus Deploy', say: ['octopus deploy', 'octopus'] },
  { label: 'Kubernetes', say: ['kubernetes', 'k8s'] },
  { label: 'Helm', say: ['helm'] },
  { label: 'Docker', say: ['docker', 'container image'] },
  { label: 'Terraform', say: ['terraform'] },
  { label: 'Ansible', say: ['ansible'] },
  { label: 'Jira', say: ['jira'] },
  { label: 'Confluence', say: ['confluence'] },
  { label: 'ServiceNow', say: ['servicenow', 'service now'] },
  { label: 'Slack', say: ['slack channel', 'slack message', 'slack thread', 'on slack', 'in slack'] },
  { label: 'PagerDuty', say: ['pagerduty', 'pager duty'] },
  { label: 'Opsgenie', say: ['opsgenie'] },
  { label: 'Datadog', say: ['datadog'] },
  { label: 'Grafana', say: ['grafana'] },
  { label: 'Prometheus', say: ['prometheus'] },
  { label: 'New Relic', say: ['new relic'] },
  { label: 'Splunk', say: ['splunk'] },
  { label: 'Sentry', say: ['sentry'] },
  { label: 'Artifactory', say: ['artifactory'] },
  { label: 'Nexus', say: ['nexus'] },
  { label: 'SonarQube', say: ['sonarqube', 'sonar'] },
  { label: 'LaunchDarkly', say: ['launchdarkly', 'launch darkly'] },
  { label: 'Unleash', say: ['unleash'] },
  { label: 'Flagger', say: ['flagger'] },
  { label: 'TestFlight', say: ['testflight'] },
  { label: 'Google Play Console', say: ['play console', 'google play'] },
  { label: 'App Store Connect', say: ['app store connect'] },
  { label: 'Liquibase', say: ['liquibase'] },
  { label: 'Flyway', say: ['flyway'] },
  { label: 'Renovate', say: ['renovate', 'dependabot'] },
  { label: 'Sigstore', say: ['sigstore', 'cosign'] },
  { label: 'feature flags', say: ['feature flag', 'feature toggle', 'kill switch'] },
  { label: 'canary', say: ['canary'] },
  { label: 'blue-green', say: ['blue green'] },
  { label: 'rolling deployment', say: ['rolling deployment', 'rolling update', 'rolling deploy'] },
  { label: 'dark launch', say: ['dark launch'] },
  { label: 'staged rollout', say: ['staged rollout', 'phased rollout', 'percentage rollout', 'progressive delivery'] },
  { label: 'SLO', say: ['slo', 'service level objective'] },
  { label: 'SLA', say: ['sla', 'service level agreement'] },
  { label: 'error budget', say: ['error budget'] },
  { label: 'DORA', say: ['dora'] },
  { label: 'MTTR', say: ['mttr', 'mean time to restore', 'mean time to recovery'] },
  { label: 'semver', say: ['semver', 'semantic versioning'] },
  { label: 'trunk-based development', say: ['trunk based'] },
  { label: 'GitFlow', say: ['gitflow', 'git flow'] },
  { label: 'release branch', say: ['release branch'] },
  { label: 'release train', say: ['release train'] },
  { label: 'code freeze', say: ['code freeze'] },
  { label: 'smoke tests', say: ['smoke test'] },
  { label: 'runbook', say: ['runbook', 'run book', 'playbook'] },
  { label: 'postmortem', say: ['postmortem', 'post incident review'] },
  { label: 'change advisory board', say: ['change advisory board', 'cab'] },
  { label: 'expand and contract', say: ['expand and contract', 'expand contract', 'parallel change'] },
  { label: 'contract tests', say: ['contract test', 'pact'] },
  { label: 'SBOM', say: ['sbom', 'software bill of materials'] },
  { label: 'infrastructure as code', say: ['infrastructure as code', 'iac'] },
  { label: 'GitOps', say: ['gitops'] },
  { label: 'CI/CD', say: ['ci cd', 'cicd', 'continuous integration', 'continuous delivery', 'continuous deployment'] },
];

export function findTools(doc: AnalyzedText): string[] {
  const out: string[] = [];
  for (const tool of TOOLS) {
    if (tool.say.some((s) => findStems(doc, stemPhrase(s), 1).length > 0)) out.push(tool.label);
  }
  return out;
}
