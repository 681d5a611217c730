// Collection campaigns over SQL: the campaign as JSON, its tokens in indexed columns, counts by GROUP BY.
import type { CampaignRepository, ReviewState, StoredCampaign } from '../../src/index.js';
import type { Db, Queryable } from './db.js';

const parse = (v: unknown) => (typeof v === 'string' ? JSON.parse(v) : v) as StoredCampaign;

async function writeInvitations(tx: Queryable, c: StoredCampaign) {
  // Invitations are never removed from a campaign: new ones are added, existing rows stay.
  for (const i of c.invitations) {
    await tx.query('INSERT INTO campaign_invitations (token, campaign_id, invitation_id) VALUES ($1, $2, $3) ON CONFLICT (token) DO NOTHING', [i.token, c.id, i.id]);
  }
}

/** The campaigns of a migrated database (migration 002). */
export function createSqlCampaignRepository(db: Db): CampaignRepository {
  return {
    insert(c) {
      return db.transaction(async (tx) => {
        await tx.query('INSERT INTO campaigns (id, status, created_at, organiser_token, campaign) VALUES ($1, $2, $3::timestamptz, $4, $5::jsonb)',
          [c.id, c.status, c.createdAt, c.organiserToken, JSON.stringify(c)]);
        await writeInvitations(tx, c);
      });
    },
    async get(id) {
      const { rows } = await db.query<{ campaign: unknown }>('SELECT campaign FROM campaigns WHERE id = $1', [id]);
      return rows[0] ? parse(rows[0].campaign) : undefined;
    },
    async all() {
      const { rows } = await db.query<{ campaign: unknown }>('SELECT campaign FROM campaigns ORDER BY created_at, id COLLATE "C"');
      return rows.map((r) => parse(r.campaign));
    },
    replace(c) {
      return db.transaction(async (tx) => {
        await tx.query('UPDATE campaigns SET status = $2, campaign = $3::jsonb WHERE id = $1', [c.id, c.status, JSON.stringify(c)]);
        await writeInvitations(tx, c);
      });
    },
    async findByToken(token) {
      const { rows } = await db.query<{ campaign: unknown }>(
        `SELECT campaign FROM campaigns WHERE organiser_token = $1
         OR id = (SELECT campaign_id FROM campaign_invitations WHERE token = $1)`,
        [token],
      );
      return rows[0] ? parse(rows[0].campaign) : undefined;
    },
    async countStates() {
      const { rows } = await db.query<{ campaign_id: string; state: ReviewState; n: number }>(
        'SELECT campaign_id, state, count(*)::int AS n FROM practices WHERE campaign_id IS NOT NULL GROUP BY campaign_id, state',
      );
      const out: Record<string, Partial<Record<ReviewState, number>>> = {};
      for (const r of rows) (out[r.campaign_id] ??= {})[r.state] = Number(r.n);
      return out;
    },
  };
}
