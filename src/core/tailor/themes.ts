/**
 * What release-management job postings ask for, as themes with the phrases that signal each one. A phrase
 * matches on word stems, so "deployments" finds "deployment"; `exact` words match only as written (ART,
 * PI, SAFe would otherwise meet "art", "pi" and "safe"). The same phrases find the theme in a question.
 */
export interface Theme {
  id: string;
  label: string;
  phrases: readonly string[];
  exact?: readonly string[];
}

export const THEMES: readonly Theme[] = [
  {
    id: 'change-approval',
    label: 'change approval and CAB',
    phrases: ['change advisory board', 'cab', 'ecab', 'change approval', 'change request', 'change control', 'change ticket', 'standard change', 'normal change', 'emergency change', 'change management', 'change window', 'change record', 'approval board', 'change board', 'change review board', 'pre approved change'],
    exact: ['RFC', 'RFCs'],
  },
  {
    id: 'itil',
    label: 'ITIL and IT service management',
    phrases: ['itil', 'itsm', 'it service management', 'service management', 'service transition', 'release and deployment management', 'service desk', 'service catalogue', 'service catalog'],
  },
  {
    id: 'itsm-tools',
    label: 'ServiceNow and ITSM tools',
    phrases: ['servicenow', 'service now', 'remedy', 'jira service management', 'jira service desk', 'cherwell', 'bmc helix'],
  },
  {
    id: 'safe',
    label: 'SAFe, release trains and PI planning',
    phrases: ['scaled agile', 'agile release train', 'release train', 'pi planning', 'program increment', 'programme increment', 'release train engineer', 'solution train', 'inspect and adapt'],
    exact: ['SAFe', 'ART', 'ARTs', 'RTE', 'PI'],
  },
  {
    id: 'release-calendar',
    label: 'release calendar and cadence',
    phrases: ['release calendar', 'release schedule', 'release cadence', 'release window', 'deployment window', 'maintenance window', 'cadence', 'monthly release', 'quarterly release', 'weekly release', 'release plan', 'release planning', 'release date', 'release timeline', 'train schedule', 'planned downtime', 'scheduled downtime', 'planned maintenance', 'scheduled maintenance'],
  },
  {
    id: 'uat-signoff',
    label: 'UAT and business sign-off',
    phrases: ['uat', 'user acceptance', 'acceptance testing', 'acceptance test', 'sign off', 'signoff', 'business sign', 'business approval', 'acceptance criteria', 'business validation'],
  },
  {
    id: 'go-no-go',
    label: 'readiness and go/no-go decisions',
    phrases: ['go no go', 'readiness review', 'release readiness', 'launch readiness', 'operational readiness', 'readiness checklist', 'release decision', 'definition of done', 'exit criteria', 'quality gate', 'release criteria'],
  },
  {
    id: 'cutover',
    label: 'cutover and go-live',
    phrases: ['cutover', 'cut over', 'go live', 'golive', 'hypercare', 'dress rehearsal', 'mock cutover', 'migration weekend', 'big bang', 'point of no return', 'launch day', 'release night'],
  },
  {
    id: 'runbooks',
    label: 'runbooks and implementation plans',
    phrases: ['runbook', 'run book', 'implementation plan', 'deployment plan', 'deployment checklist', 'release checklist', 'playbook'],
  },
  {
    id: 'environments',
    label: 'environments and configuration',
    phrases: ['environment management', 'test environment', 'staging environment', 'pre production', 'preprod', 'pre prod', 'non production', 'lower environment', 'environment parity', 'configuration drift', 'configuration management', 'sandbox', 'environment booking', 'environment', 'production like', 'aligned with production', 'parity', 'drift'],
    exact: ['SIT', 'QA environment'],
  },
  {
    id: 'mobile',
    label: 'mobile apps and app stores',
    phrases: ['app store', 'google play', 'play store', 'play console', 'app store connect', 'testflight', 'ios', 'android', 'mobile app', 'mobile release', 'app review', 'store review', 'phased release', 'mobile', 'force update', 'minimum supported version'],
  },
  {
    id: 'kubernetes',
    label: 'Kubernetes, containers and GitOps',
    phrases: ['kubernetes', 'k8s', 'helm', 'gitops', 'argo cd', 'argocd', 'flux', 'container', 'docker', 'openshift', 'eks', 'gke', 'aks', 'service mesh', 'istio'],
  },
  {
    id: 'infrastructure-as-code',
    label: 'infrastructure as code',
    phrases: ['infrastructure as code', 'terraform', 'pulumi', 'cloudformation', 'ansible', 'iac', 'crossplane'],
  },
  {
    id: 'cloud',
    label: 'cloud platforms',
    phrases: ['aws', 'azure', 'gcp', 'google cloud', 'cloud platform', 'cloud native', 'public cloud', 'multi region', 'serverless', 'lambda', 'platform engineering', 'internal developer platform'],
  },
  {
    id: 'progressive-delivery',
    label: 'progressive delivery and deployment strategies',
    phrases: ['progressive delivery', 'canary', 'blue green', 'rolling deployment', 'rolling update', 'staged rollout', 'phased rollout', 'gradual rollout', 'roll out gradually', 'ramp traffic', 'percentage rollout', 'traffic shifting', 'argo rollout', 'flagger', 'dark launch', 'zero downtime', 'deployment strategy'],
  },
  {
    id: 'feature-flags',
    label: 'feature flags',
    phrases: ['feature flag', 'feature toggle', 'launchdarkly', 'kill switch', 'unleash', 'flagging', 'release toggle', 'decouple deploy from release', 'decoupling deployment from release', 'remote config', 'remote configuration', 'switch off', 'turn off', 'dark launch'],
  },
  {
    id: 'dora',
    label: 'DORA and delivery metrics',
    phrases: ['dora', 'deployment frequency', 'lead time', 'change failure rate', 'mttr', 'mean time to restore', 'mean time to recovery', 'time to restore', 'four key', 'accelerate', 'delivery metric', 'release metric', 'kpi', 'kpis', 'metric', 'dashboard'],
  },
  {
    id: 'slo',
    label: 'SLOs, reliability and observability',
    phrases: ['slo', 'sli', 'sla', 'error budget', 'service level', 'reliability', 'sre', 'site reliability', 'uptime', 'availability', 'observability', 'monitoring', 'alerting', 'burn rate', 'datadog', 'prometheus', 'grafana', 'new relic', 'release health', 'crash free', 'crash rate', 'crash', 'anr', 'error rate', 'health metric', 'app vitals'],
  },
  {
    id: 'incidents',
    label: 'incidents and postmortems',
    phrases: ['incident', 'on call', 'oncall', 'pager', 'pagerduty', 'postmortem', 'post mortem', 'post incident', 'root cause', 'rca', 'outage', 'sev1', 'sev 1', 'p1', 'major incident', 'blameless', 'without blame', 'blame free', 'problem management', 'post implementation review', 'post incident review', 'after action review', 'lessons learned', 'review afterwards'],
  },
  {
    id: 'rollback',
    label: 'rollback and recovery',
    phrases: ['rollback', 'roll back', 'roll forward', 'revert', 'back out', 'backout', 'rollback plan', 'recovery plan', 'disaster recovery'],
  },
  {
    id: 'hotfix',
    label: 'hotfixes and patches',
    phrases: ['hotfix', 'hot fix', 'emergency fix', 'emergency release', 'out of band', 'critical fix', 'patch release', 'security patch', 'patching', 'expedited release'],
  },
  {
    id: 'supply-chain',
    label: 'software supply chain security',
    phrases: ['supply chain', 'sbom', 'slsa', 'sigstore', 'cosign', 'artifact signing', 'signed artifact', 'code signing', 'provenance', 'dependency scanning', 'vulnerability', 'cve', 'snyk', 'dependabot', 'devsecops', 'security scan', 'sast', 'dast'],
  },
  {
    id: 'compliance',
    label: 'compliance, audit and regulated change',
    phrases: ['compliance', 'audit', 'auditor', 'sox', 'sarbanes', 'pci', 'hipaa', 'soc 2', 'soc2', 'gdpr', 'iso 27001', 'regulated', 'regulatory', 'regulator', 'gxp', 'fda', 'separation of duties', 'segregation of duties', 'audit trail', 'traceability', 'control objective'],
  },
  {
    id: 'ci-cd',
    label: 'CI/CD pipelines and release automation',
    phrases: ['ci cd', 'continuous integration', 'continuous delivery', 'continuous deployment', 'pipeline', 'jenkins', 'github actions', 'gitlab', 'azure devops', 'teamcity', 'circleci', 'bamboo', 'spinnaker', 'octopus deploy', 'release automation', 'deployment automation', 'build automation'],
  },
  {
    id: 'branching',
    label: 'branching and version control',
    phrases: ['branching', 'branch strategy', 'branching strategy', 'trunk based', 'gitflow', 'git flow', 'release branch', 'merge', 'version control', 'source control', 'git', 'monorepo', 'cherry pick'],
  },
  {
    id: 'versioning',
    label: 'versioning and release notes',
    phrases: ['semantic versioning', 'semver', 'version number', 'version numbering', 'build number', 'version scheme', 'tagging', 'version tag'],
  },
  {
    id: 'release-notes',
    label: 'release notes and documentation',
    phrases: ['release note', 'patch note', 'changelog', 'change log', 'release documentation', 'documentation', 'known issue', 'what is new', 'labelling', 'labeling', 'user guide'],
  },
  {
    id: 'artifacts',
    label: 'build artifacts and promotion',
    phrases: ['artifact', 'artefact', 'artifactory', 'nexus', 'container registry', 'build once', 'promotion', 'promote', 'immutable', 'binary repository'],
  },
  {
    id: 'long-term-support',
    label: 'supported versions and backports',
    phrases: ['backport', 'long term support', 'lts', 'maintenance release', 'support multiple versions', 'several supported releases', 'on premise', 'on prem', 'self hosted', 'customer installed', 'end of life'],
  },
  {
    id: 'database',
    label: 'database and schema changes',
    phrases: ['database', 'schema change', 'schema migration', 'database migration', 'data migration', 'liquibase', 'flyway', 'expand and contract', 'sql'],
  },
  {
    id: 'microservices',
    label: 'microservices and service dependencies',
    phrases: ['microservice', 'service dependencies', 'distributed system', 'api versioning', 'contract testing', 'backward compatible', 'backwards compatible', 'backward compatibility', 'backwards compatibility', 'dependency management', 'cross service'],
  },
  {
    id: 'vendors',
    label: 'vendors and third parties',
    phrases: ['vendor', 'third party', 'supplier', 'outsource', 'outsourcing', 'partner', 'sap', 'salesforce', 'oracle', 'packaged application', 'cots'],
  },
  {
    id: 'testing',
    label: 'testing and quality',
    phrases: ['regression', 'test automation', 'automated test', 'automated testing', 'quality assurance', 'qa', 'test coverage', 'smoke test', 'performance test', 'load test', 'end to end test', 'test strategy', 'quality engineering'],
  },
  {
    id: 'out-of-hours',
    label: 'out-of-hours releases and staffing',
    phrases: ['out of hours', 'after hours', 'overnight', 'night release', 'weekend release', 'friday deploy', 'rota', 'rotation', 'next shift', 'night shift', 'small hours', '24 7'],
  },
  {
    id: 'distributed-teams',
    label: 'teams across time zones and outsourcing',
    phrases: ['time zone', 'offshore', 'nearshore', 'follow the sun', 'distributed team', 'global team', 'remote team', 'outsourced team'],
  },
  {
    id: 'freeze',
    label: 'code freezes and peak periods',
    phrases: ['code freeze', 'change freeze', 'freeze', 'blackout', 'peak season', 'peak trading', 'black friday', 'holiday season', 'year end', 'quiet period'],
  },
  {
    id: 'risk',
    label: 'risk assessment',
    phrases: ['risk assessment', 'risk management', 'risk', 'impact analysis', 'impact assessment', 'mitigation', 'contingency', 'blast radius', 'risk register'],
  },
  {
    id: 'stakeholders',
    label: 'stakeholder management',
    phrases: ['stakeholder', 'product owner', 'product manager', 'product management', 'executive', 'senior leadership', 'leadership', 'cross functional', 'business partner', 'negotiate', 'negotiation', 'influence', 'escalation', 'escalate', 'expectation', 'senior people', 'senior stakeholder', 'senior leader'],
  },
  {
    id: 'pushback',
    label: 'saying no and pushing back',
    phrases: ['saying no', 'say no', 'said no', 'push back', 'pushed back', 'pushback', 'not this week', 'stop a change', 'stop the release', 'hold the line', 'stand firm', 'not ready'],
  },
  {
    id: 'coordination',
    label: 'coordinating many teams',
    phrases: ['coordinate', 'coordination', 'coordinating', 'orchestrate', 'dependencies across team', 'multiple team', 'many team', 'cross team', 'program management', 'programme management', 'scrum of scrum', 'release coordination', 'dependencies between teams', 'cross team dependencies'],
  },
  {
    id: 'communication',
    label: 'release communication',
    phrases: ['communication', 'communicate', 'status report', 'release status', 'release announcement', 'release comm', 'customer facing', 'customer communication', 'newsletter', 'status page', 'written communication', 'presentation', 'keep informed', 'informed', 'announce', 'announcement'],
  },
  {
    id: 'process-improvement',
    label: 'process improvement',
    phrases: ['process improvement', 'continuous improvement', 'improve the release process', 'streamline', 'lean', 'retrospective', 'kaizen', 'manual step', 'toil', 'bottleneck', 'mature the process', 'maturity', 'automate manual'],
  },
  {
    id: 'leadership',
    label: 'leading and coaching people',
    phrases: ['mentor', 'mentoring', 'coach', 'coaching', 'people management', 'line management', 'direct report', 'lead a team', 'manage a team', 'grow the team', 'knowledge sharing'],
  },
  {
    id: 'hiring',
    label: 'hiring and building a team',
    phrases: ['hire', 'hiring', 'recruit', 'recruiting', 'recruitment', 'interview loop', 'job description', 'defining the role', 'defining each role', 'headcount', 'build a team', 'build the team', 'grow the team'],
  },
  {
    id: 'performance',
    label: 'performance conversations',
    phrases: ['performance conversation', 'performance management', 'performance review', 'underperform', 'underperforming', 'not performing', 'falling short', 'poor performance', 'performance issue', 'hard conversation', 'difficult conversation'],
  },
  {
    id: 'tooling-choice',
    label: 'choosing release tools',
    phrases: ['tool selection', 'tooling', 'evaluate tool', 'tool evaluation', 'build versus buy', 'build vs buy', 'toolchain', 'tool chain'],
  },
];
