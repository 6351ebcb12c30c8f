import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The household key of an item becomes a uuid: counting distinct households sorted text keys that
 * all begin alike (`client:…`, `GM0363:HH-…`), which the sort's abbreviated keys cannot tell apart,
 * and cost the stand twice what counting clients did. The client's own id for a household of one,
 * else md5(`<gemeente>:<huishoudenId>`) read as a uuid, as the projector now writes it.
 */
export class HuishoudenAlsUuid1763900007000 implements MigrationInterface {
  name = 'HuishoudenAlsUuid1763900007000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE rm_item ALTER COLUMN huishouden TYPE uuid
      USING CASE WHEN huishouden LIKE 'client:%' THEN substr(huishouden, 8)::uuid ELSE md5(huishouden)::uuid END`);
  }

  down(): Promise<void> {
    // The text key cannot be recovered from its md5: rebuild the generation instead.
    return Promise.reject(new Error('HuishoudenAlsUuid cannot be undone; rebuild the read models (npm run rebuild)'));
  }
}
