import { analyzeAnswer } from './src/core/coach/index.js';
import { questionSchema } from './src/core/questions/schema.js';
const Q = questionSchema.parse({ id: 'rollback-story', category: 'common', question: 'Tell me about a time a release failed and you had to roll it back.', answer: 'Model answer.',
  keyPoints: [
    { point: 'Decides quickly on agreed triggers', terms: ['threshold', 'trigger', 'error rate'] },
    { point: 'Uses a rehearsed way back', terms: ['rollback', 'revert', 'rehearsed'] },
    { point: 'Keeps stakeholders informed', terms: ['status update', 'stakeholders', 'informed'] },
    { point: 'Runs a blameless review afterwards', terms: ['postmortem', 'blameless', 'root cause'] },
  ]});
const STRONG = `At my last company I ran the weekly release for a payments API. One Tuesday, ten minutes after a
deploy, the error rate crossed the 2% threshold we had agreed in advance. I was responsible for the go or back
call, so I decided to revert straight away, using the rollback we had rehearsed in staging the week before.
I posted a status update for stakeholders every fifteen minutes while the previous version came back.
Service was healthy again after 8 minutes. I then led a blameless postmortem, which found the root cause in a
connection pool setting, and we added a load test to the pipeline. As a result, failed deploys fell from 6 to 1
per quarter.`;
const r = analyzeAnswer(Q, STRONG);
console.log(r.words, r.score, r.talkingPoints);
