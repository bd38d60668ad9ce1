import { sealedColumn } from '../../privacy/sealed-column.ts';

/** A note or a decision's own words, sealed under the applicant's key. */
export const caseEventText = sealedColumn<string>({ table: 'case_events', column: 'text' });
/** What a request for information asks, sealed under the applicant's key. */
export const infoRequestMessage = sealedColumn<string>({
  table: 'info_requests',
  column: 'message',
});
