import {
  EvaluationJobStatus,
  ModelCopyJobStatus,
  ModelCustomizationJobStatus,
  ModelImportJobStatus,
  ModelInvocationJobStatus,
} from '@aws-sdk/client-bedrock';
import { describe, expect, test } from 'vitest';
import { LISTING_KINDS } from '../src/bedrock/kinds/index.js';

/** Each job kind's status enum, as the SDK exports it: the kind's summaries carry one of these. */
const STATUS_ENUMS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  customization: ModelCustomizationJobStatus,
  import: ModelImportJobStatus,
  copy: ModelCopyJobStatus,
  invocation: ModelInvocationJobStatus,
  evaluation: EvaluationJobStatus,
};

describe('each job kind declares its lifecycle as data', () => {
  test.each(LISTING_KINDS.map((kind) => [kind.name, kind] as const))('%s', (name, kind) => {
    const statuses = STATUS_ENUMS[name];
    if (statuses === undefined) {
      expect(kind.lifecycle).toBeUndefined();
      return;
    }
    const { running, succeeded, failed } = kind.lifecycle ?? { running: [], succeeded: [], failed: [] };
    const all = [...running, ...succeeded, ...failed];
    // Disjoint, and together exactly the SDK's enum.
    expect(new Set(all).size).toBe(all.length);
    expect([...all].sort()).toEqual(Object.values(statuses).sort());
    expect(succeeded).toContain('Completed');
    expect(failed).toContain('Failed');
  });

  test('only custom models, which are not jobs, have none', () => {
    expect(LISTING_KINDS.filter((kind) => kind.lifecycle === undefined).map((kind) => kind.name)).toEqual(['custom-models']);
  });
});
