import { z } from 'zod';
import { clinicStations } from '../db/schema.ts';

/*
 * The request bodies of the staff JSON API (src/web/routes/api-staff.routes.ts),
 * in one place: the routes parse with them and the OpenAPI document
 * (src/web/openapi-staff.ts) is built from them, so the two cannot differ.
 * Every object is strict: a field we do not know is refused, not ignored.
 */

const uuid = z.uuid();
/** The same bound the console's forms and the service keep (casework.service.ts). */
const text = z.string().max(2000);
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const staffApiSchemas = {
  signIn: z
    .object({
      email: z.string().min(1).max(320),
      // NIST SP 800-63B §5.1.1.2: never truncated; the policy caps it at 128.
      password: z.string().min(1).max(1024),
    })
    .strict(),
  secondFactor: z.object({ code: z.string().min(1).max(16) }).strict(),
  claim: z
    .object({ organisationId: uuid.optional(), program: z.string().max(64).optional() })
    .strict(),
  bulk: z
    .object({
      organisationId: uuid,
      kind: z.enum(['assign', 'approve', 'request_info']),
      caseIds: z.array(uuid).min(1).max(200),
      /** The console confirms a bulk action by its count; the API asks for the count. */
      confirmCount: z.number().int().min(1).max(200),
      message: text.optional(),
      dueOn: day.optional(),
    })
    .strict(),
  assignment: z.object({ assigneeId: uuid }).strict(),
  informationRequest: z
    .object({ message: text, dueOn: day, documentCode: z.string().max(64).optional() })
    .strict(),
  decision: z
    .object({
      outcome: z.enum(['approved', 'denied', 'withdrawn']),
      reasonCodes: z.array(z.string().max(128)).max(50).default([]),
      text: text.optional(),
    })
    .strict(),
  advance: z.object({ to: z.enum(['awarded', 'paid', 'closed']) }).strict(),
  note: z.object({ text }).strict(),
  station: z.object({ station: z.enum(clinicStations) }).strict(),
  empty: z.object({}).strict(),
} as const;

export type StaffApiSchema = keyof typeof staffApiSchemas;
