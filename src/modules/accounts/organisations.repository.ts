import type { Kysely } from 'kysely';
import type { Database, Organisation } from '../../db/schema.ts';

export class OrganisationsRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async create(values: { slug: string; name: string }): Promise<Organisation> {
    return this.db
      .insertInto('organisations')
      .values(values)
      .returningAll()
      .executeTakeFirstOrThrow();
  }

  async findBySlug(slug: string): Promise<Organisation | undefined> {
    return this.db
      .selectFrom('organisations')
      .selectAll()
      .where('slug', '=', slug)
      .executeTakeFirst();
  }

  async list(): Promise<Organisation[]> {
    return this.db.selectFrom('organisations').selectAll().orderBy('name').execute();
  }
}
