import { ApplicationType, EvaluationJobStatus, EvaluationJobType, EvaluationTaskType } from '@aws-sdk/client-bedrock';
import type { EmulatorCustomModel, EmulatorEvaluationJob } from '../emulator-items.js';
import { pick, type Random } from '../random.js';
import { creationTimes, FOUNDATION_MODELS, HOUR, itemName, seededResourceId, weighted } from './vocabulary.js';

const TASK_TYPES = [
  EvaluationTaskType.SUMMARIZATION,
  EvaluationTaskType.CLASSIFICATION,
  EvaluationTaskType.QUESTION_AND_ANSWER,
  EvaluationTaskType.GENERATION,
];

/**
 * `count` evaluation jobs, newest first: model evaluations of a foundation
 * model or, one in three, of one of `models` (Active custom models of the
 * account), and RAG evaluations of a knowledge base.
 */
export function generateEvaluationJobs(
  random: Random,
  count: number,
  models: readonly EmulatorCustomModel[],
  where: { region: string; accountId: string; endingAt: number },
): EmulatorEvaluationJob[] {
  const jobs: EmulatorEvaluationJob[] = [];
  const active = models.filter((model) => model.modelStatus === undefined || model.modelStatus === 'Active');
  const times = creationTimes(random, where.endingAt, 8 * HOUR);
  for (let i = 0; i < count; i++) {
    const created = times.next().value as number;
    const status =
      where.endingAt - created < 12 * HOUR
        ? weighted(random, [
            [EvaluationJobStatus.IN_PROGRESS, 0.6],
            [EvaluationJobStatus.STOPPING, 0.05],
            [EvaluationJobStatus.COMPLETED, 0.3],
            [EvaluationJobStatus.FAILED, 0.05],
          ])
        : weighted(random, [
            [EvaluationJobStatus.COMPLETED, 0.8],
            [EvaluationJobStatus.FAILED, 0.1],
            [EvaluationJobStatus.STOPPED, 0.07],
            [EvaluationJobStatus.DELETING, 0.03],
          ]);
    const rag = random() < 0.25;
    const model =
      active.length > 0 && random() < 0.35
        ? (pick(random, active).modelArn as string)
        : `arn:aws:bedrock:${where.region}::foundation-model/${pick(random, FOUNDATION_MODELS)}`;
    const job: EmulatorEvaluationJob = {
      jobArn: `arn:aws:bedrock:${where.region}:${where.accountId}:evaluation-job/${seededResourceId(random)}`,
      jobName: itemName(random, rag ? 'rag-eval' : 'eval', created, i),
      status,
      creationTime: new Date(created),
      jobType: random() < 0.8 ? EvaluationJobType.AUTOMATED : EvaluationJobType.HUMAN,
      evaluationTaskTypes: [rag ? EvaluationTaskType.QUESTION_AND_ANSWER : pick(random, TASK_TYPES)],
      modelIdentifiers: [model],
      applicationType: rag ? ApplicationType.RAG_EVALUATION : ApplicationType.MODEL_EVALUATION,
      ...(rag ? { ragIdentifiers: [`${seededResourceId(random).slice(0, 10).toUpperCase()}`] } : {}),
    };
    jobs.push(job);
  }
  return jobs;
}
