import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { type AuditEvent, AuditRepository } from './audit.repository.ts';
import { genesisHash, hashAuditEvent } from './audit-hash.ts';

export type ChainProblem =
  /** The event's hash does not match its contents: a field was edited. */
  | 'altered'
  /** A sequence number is absent: an event was removed. */
  | 'missing'
  /** The event does not link to the one before it: events were reordered or replaced. */
  | 'out_of_order'
  /** The chain ends before its recorded head: the newest events were removed. */
  | 'truncated'
  /** Events exist past the recorded head: written around the repository. */
  | 'beyond_head'
  /** The last event is not the one the head recorded. */
  | 'head_mismatch'
  /** Events exist but the chain has no recorded head. */
  | 'head_missing';

export interface ChainBreak {
  /** The chain: an organisation id, or null for the system chain. */
  organisationId: string | null;
  /** Where the chain first breaks. */
  sequence: number;
  /** The event found at that place, when there is one. */
  eventId: string | null;
  problem: ChainProblem;
  /** One line, ids and numbers only. */
  description: string;
}

export interface ChainSummary {
  organisationId: string | null;
  events: number;
  /** The hash of the last event: record it elsewhere to anchor the chain. */
  headHash: string | null;
}

export interface VerifyReport {
  intact: boolean;
  chains: ChainSummary[];
  /** The first break of each broken chain. */
  breaks: ChainBreak[];
}

const pageSize = 1000;

/**
 * Recomputes every hash of one chain (`organisationId`, or null for the
 * system chain) or of every chain (undefined), checks each link and the
 * sequence, and compares the end of each chain with its recorded head.
 * Reads in pages, so a long chain never sits in memory at once.
 */
export async function verifyChain(
  db: Kysely<Database>,
  organisationId?: string | null,
): Promise<VerifyReport> {
  const audit = new AuditRepository(db);
  const chainIds = organisationId === undefined ? await audit.listChains() : [organisationId];
  const chains: ChainSummary[] = [];
  const breaks: ChainBreak[] = [];
  for (const chainId of chainIds) {
    const result = await verifyOne(audit, chainId);
    chains.push(result.summary);
    if (result.broken) breaks.push(result.broken);
  }
  return { intact: breaks.length === 0, chains, breaks };
}

async function verifyOne(
  audit: AuditRepository,
  organisationId: string | null,
): Promise<{ summary: ChainSummary; broken?: ChainBreak }> {
  const chain = organisationId ?? 'system';
  let expected = 1;
  let previousHash = genesisHash;
  const summary = (): ChainSummary => ({
    organisationId,
    events: expected - 1,
    headHash: expected > 1 ? previousHash : null,
  });
  const breakAt = (
    sequence: number,
    event: AuditEvent | null,
    problem: ChainProblem,
    what: string,
  ) => ({
    summary: summary(),
    broken: {
      organisationId,
      sequence,
      eventId: event?.id ?? null,
      problem,
      description: `audit chain ${chain} broken at event ${sequence}: ${what}`,
    },
  });

  for (;;) {
    const page = await audit.listChain(organisationId, expected - 1, pageSize);
    for (const event of page) {
      if (event.sequence !== expected) {
        return breakAt(expected, null, 'missing', `event ${expected} is missing (removed)`);
      }
      if (event.previousHash !== previousHash) {
        return breakAt(
          expected,
          event,
          'out_of_order',
          `it does not follow event ${expected - 1} (reordered or replaced)`,
        );
      }
      if (recompute(event) !== event.hash) {
        return breakAt(expected, event, 'altered', 'its contents do not match its hash (edited)');
      }
      previousHash = event.hash;
      expected++;
    }
    if (page.length < pageSize) break;
  }

  const last = expected - 1;
  const head = await audit.findHead(organisationId);
  if (!head) {
    if (last === 0) return { summary: summary() };
    return breakAt(last, null, 'head_missing', 'the chain has no recorded head');
  }
  if (head.sequence > last) {
    return breakAt(
      last + 1,
      null,
      'truncated',
      `the head records ${head.sequence} events but only ${last} remain (tail removed)`,
    );
  }
  if (head.sequence < last) {
    return breakAt(
      head.sequence + 1,
      null,
      'beyond_head',
      `events after the recorded head ${head.sequence} were not written by Belong`,
    );
  }
  if (head.hash !== previousHash) {
    return breakAt(last, null, 'head_mismatch', 'the last event is not the recorded head');
  }
  return { summary: summary() };
}

/** A value JSONB cannot have come from Belong (a fraction, say) fails like any edit. */
function recompute(event: AuditEvent): string | null {
  try {
    return hashAuditEvent(event);
  } catch {
    return null;
  }
}
