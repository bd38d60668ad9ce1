import type { FlowAnswers } from '../../flow/flow-definition.ts';
import { sealedRecord } from '../../privacy/sealed-record.ts';

/** The sealed columns of a draft: every answer, and the resume code shown to the cookie holder. */
export const draftFields = sealedRecord<{ answers: FlowAnswers; resume_code: string }>(
  'application_drafts',
  { answers: {}, resume_code: {} },
);

/** The sealed columns of a case: its answers, and the claim code shown again on a replay. */
export const caseFields = sealedRecord<{ answers: FlowAnswers; claim_code: string }>('cases', {
  answers: {},
  claim_code: {},
});
