// Collection campaigns: a network or a département forwards invitation links; submissions through them record the partner and the campaign.
import * as z from 'zod/mini';
import type { Actor, CampaignRef, Practice, ReviewState } from '../model.js';
import { optionalText, text, validateWith, type ValidationError } from '../schema/fields.js';
import { getDepartment } from '../taxonomy/taxonomy.js';
import { PracticeStoreError } from './errors.js';
import { newSecretToken, sameSecret } from './ids.js';
import { isCommittee } from './views.js';

/** Who runs a campaign: a network of associations, or a département. */
export interface CampaignOrganiser {
  kind: 'network' | 'department';
  name: string;
  /** INSEE code, for a département. */
  department?: string;
}

/** One invitation link: generic (no `partner`) or for one partner that forwards it to its services. */
export interface Invitation {
  id: string;
  partner?: string;
  /** The secret of the link (`?invitation=…`): whoever has it may declare through the campaign. */
  token: string;
}

/** Practices received through a campaign, by stage. */
export interface CampaignCounts {
  /** Every practice submitted through the campaign, whatever became of it. */
  received: number;
  /** Waiting for the committee: submitted, in review, complements asked, accepted not yet published. */
  inReview: number;
  published: number;
}

/** A campaign as the committee, or its organiser through the secret link, sees it. */
export interface Campaign {
  id: string;
  name: string;
  organiser: CampaignOrganiser;
  status: 'open' | 'closed';
  createdAt: string;
  updatedAt: string;
  invitations: Invitation[];
  counts: CampaignCounts;
  /** The organiser's secret link token: given to the editor only (at creation and after). */
  organiserToken?: string;
}

/** What the editor gives to create a campaign. */
export interface CampaignInput {
  name: string;
  organiser: CampaignOrganiser;
  /** One invitation link per partner named here. */
  partners?: string[];
  /** A generic link, for anyone the organiser forwards it to. Default: true when no partner is named. */
  generic?: boolean;
}

/** What anyone holding an invitation link may know of it: the campaign's name and organiser, and whether it is open. */
export interface InvitationView {
  campaign: { id: string; name: string; organiser: CampaignOrganiser };
  partner?: string;
  open: boolean;
}

/** A campaign as a repository keeps it (no counts: they come from the practices). */
export type StoredCampaign = Omit<Campaign, 'counts' | 'organiserToken'> & { organiserToken: string };

/** What an adapter provides to keep campaigns; each method atomic on its own. */
export interface CampaignRepository {
  insert(campaign: StoredCampaign): Promise<void>;
  get(id: string): Promise<StoredCampaign | undefined>;
  all(): Promise<StoredCampaign[]>;
  replace(campaign: StoredCampaign): Promise<void>;
  /** The campaign whose organiser token or one of whose invitation tokens is `token`. */
  findByToken?(token: string): Promise<StoredCampaign | undefined>;
  /** Counts by campaign id and state, when the repository can answer it itself (SQL). */
  countStates?(): Promise<Record<string, Partial<Record<ReviewState, number>>>>;
}

const IN_REVIEW: readonly ReviewState[] = ['submitted', 'inReview', 'complementsRequested', 'accepted'];
const MAX_PARTNERS = 200;

/** Counts of one campaign from its practices' states. */
export function campaignCounts(states: Partial<Record<ReviewState, number>> = {}): CampaignCounts {
  const n = (s: ReviewState) => states[s] ?? 0;
  const received = Object.entries(states).filter(([s]) => s !== 'draft').reduce((sum, [, v]) => sum + (v ?? 0), 0);
  return { received, inReview: IN_REVIEW.reduce((sum, s) => sum + n(s), 0), published: n('published') };
}

let inputSchema: z.ZodMiniType<{ campaign: CampaignInput }> | undefined;
const schema = () => (inputSchema ??= z.object({
  campaign: z.object({
    name: text(150),
    organiser: z.object({ kind: z.enum(['network', 'department']), name: text(150), department: optionalText(3) }),
    partners: z.pipe(z.transform((v: unknown) => v ?? []), z.array(text(100)).check(z.maxLength(MAX_PARTNERS))),
    generic: z.optional(z.boolean()),
  }),
}) as unknown as z.ZodMiniType<{ campaign: CampaignInput }>);

/** Validates what the editor gives for a new campaign; messages in French name the field. Never throws. */
export function validateCampaign(input: unknown): { ok: true; value: CampaignInput } | { ok: false; errors: ValidationError[] } {
  const result = validateWith(schema, { campaign: input }, {}, {});
  if (!result.ok) return result;
  const value = result.value.campaign;
  const errors: ValidationError[] = [];
  if (value.organiser.kind === 'department' && (!value.organiser.department || !getDepartment(value.organiser.department))) {
    errors.push({ field: 'campaign.organiser.department', code: 'required', message: 'Département organisateur\u00a0: indiquez le numéro du département (par exemple 59 ou 2A).' });
  }
  const partners = [...new Set(value.partners ?? [])];
  if (value.generic === false && partners.length === 0) {
    errors.push({ field: 'campaign.partners', code: 'required', message: 'Partenaires invités\u00a0: nommez au moins un partenaire, ou gardez le lien générique.' });
  }
  if (errors.length) return { ok: false, errors };
  const organiser: CampaignOrganiser = { kind: value.organiser.kind, name: value.organiser.name, ...(value.organiser.kind === 'department' ? { department: value.organiser.department! } : {}) };
  return { ok: true, value: { name: value.name, organiser, partners, generic: value.generic ?? partners.length === 0 } };
}

/** The port's campaign methods over a repository, and what `submit` needs to resolve an invitation. */
export function createCampaignMethods(options: {
  repo: CampaignRepository | undefined;
  practices: () => Promise<Practice[]>;
  now: () => string;
  newId: () => string;
}) {
  const { repo, now } = options;
  const need = (): CampaignRepository => {
    if (!repo) throw new PracticeStoreError('unavailable', 'Ce stockage ne gère pas les campagnes de collecte.');
    return repo;
  };
  const editorOnly = (actor: Actor | undefined, what: string) => {
    if (actor?.role !== 'editor') throw new PracticeStoreError('forbidden', `${what} est réservé à l’éditeur.`);
  };

  async function countsById(): Promise<Record<string, Partial<Record<ReviewState, number>>>> {
    const r = need();
    if (r.countStates) return r.countStates();
    const out: Record<string, Partial<Record<ReviewState, number>>> = {};
    for (const p of await options.practices()) {
      const id = p.source?.campaign?.id;
      if (!id) continue;
      const states = (out[id] ??= {});
      states[p.review.state] = (states[p.review.state] ?? 0) + 1;
    }
    return out;
  }

  /** The committee sees the invitation links; only the editor sees the organiser's token. */
  const view = (c: StoredCampaign, states: Partial<Record<ReviewState, number>> | undefined, actor: Actor | undefined): Campaign => {
    const { organiserToken, ...rest } = structuredClone(c);
    return { ...rest, counts: campaignCounts(states), ...(actor?.role === 'editor' ? { organiserToken } : {}) };
  };

  async function byToken(token: string): Promise<StoredCampaign | undefined> {
    const r = need();
    if (r.findByToken) return r.findByToken(token);
    return (await r.all()).find((c) => sameSecret(c.organiserToken, token) || c.invitations.some((i) => sameSecret(i.token, token)));
  }

  return {
    async createCampaign(input: unknown, opts: { actor: Actor }): Promise<Campaign> {
      editorOnly(opts?.actor, 'La création d’une campagne');
      const v = validateCampaign(input);
      if (!v.ok) throw new PracticeStoreError('invalid-declaration', v.errors.map((e) => e.message).join(' '), { fields: v.errors });
      const at = now();
      const invitations: Invitation[] = [
        ...(v.value.generic ? [{ id: `inv_${options.newId()}`, token: newSecretToken() }] : []),
        ...(v.value.partners ?? []).map((partner) => ({ id: `inv_${options.newId()}`, partner, token: newSecretToken() })),
      ];
      const campaign: StoredCampaign = {
        id: `c_${options.newId()}`, name: v.value.name, organiser: v.value.organiser, status: 'open', createdAt: at, updatedAt: at,
        invitations, organiserToken: newSecretToken(),
      };
      await need().insert(campaign);
      return view(campaign, {}, opts.actor);
    },

    async listCampaigns(opts: { actor: Actor }): Promise<Campaign[]> {
      if (!isCommittee(opts?.actor)) throw new PracticeStoreError('forbidden', 'La liste des campagnes est réservée au comité de sélection et à l’éditeur.');
      const [all, counts] = await Promise.all([need().all(), countsById()]);
      // Oldest first; the sort is stable, so campaigns created in the same instant keep the repository's order.
      return all.sort((a, b) => a.createdAt.localeCompare(b.createdAt)).map((c) => view(c, counts[c.id], opts.actor));
    },

    /** The committee's view, or the organiser's through the campaign's secret link (`actor.token`); `undefined` otherwise. */
    async getCampaign(id: string, opts: { actor?: Actor } = {}): Promise<Campaign | undefined> {
      const c = await need().get(String(id));
      if (!c) return undefined;
      const actor = opts?.actor;
      const organiser = !isCommittee(actor) && sameSecret(actor?.token, c.organiserToken);
      if (!isCommittee(actor) && !organiser) return undefined;
      return view(c, (await countsById())[c.id], actor);
    },

    async updateCampaign(id: string, patch: { status?: 'open' | 'closed'; name?: string }, opts: { actor: Actor }): Promise<Campaign> {
      editorOnly(opts?.actor, 'La modification d’une campagne');
      const c = await need().get(String(id));
      if (!c) throw new PracticeStoreError('not-found', 'Aucune campagne ne porte cet identifiant.');
      const next = { ...c, updatedAt: now() };
      if (patch?.status !== undefined) {
        if (patch.status !== 'open' && patch.status !== 'closed') {
          throw new PracticeStoreError('invalid-declaration', 'État de la campagne\u00a0: « open » (ouverte) ou « closed » (close).', { fields: [{ field: 'campaign.status', code: 'invalid_choice', message: 'État de la campagne\u00a0: « open » (ouverte) ou « closed » (close).' }] });
        }
        next.status = patch.status;
      }
      if (patch?.name !== undefined) {
        const v = validateCampaign({ name: patch.name, organiser: c.organiser, generic: true });
        if (!v.ok) throw new PracticeStoreError('invalid-declaration', v.errors.map((e) => e.message).join(' '), { fields: v.errors });
        next.name = v.value.name;
      }
      await need().replace(next);
      return view(next, (await countsById())[c.id], opts.actor);
    },

    /** What an invitation link says of itself (public: the form shows the campaign's name); `undefined` for an unknown link. */
    async getInvitation(token: string): Promise<InvitationView | undefined> {
      if (typeof token !== 'string' || !token || !repo) return undefined;
      const c = await byToken(token);
      const invitation = c?.invitations.find((i) => sameSecret(i.token, token));
      if (!c || !invitation) return undefined;
      return { campaign: { id: c.id, name: c.name, organiser: structuredClone(c.organiser) }, ...(invitation.partner ? { partner: invitation.partner } : {}), open: c.status === 'open' };
    },

    /**
     * What a submission through an invitation records: the campaign, and the partner the link was
     * made for (the organiser for a generic link). Refuses an unknown or closed invitation in French.
     */
    async resolveForSubmit(token: unknown): Promise<{ partner: string; campaign: CampaignRef }> {
      const refuse = (message: string) => new PracticeStoreError('invalid-declaration', message, { fields: [{ field: 'invitation', code: 'invalid_choice', message }] });
      if (typeof token !== 'string' || !token.trim() || token.length > 200) throw refuse('Lien d’invitation\u00a0: ce lien n’est pas valide ; vérifiez l’adresse reçue ou demandez un nouveau lien à qui vous l’a transmis. Votre déclaration est conservée.');
      const c = repo ? await byToken(token.trim()) : undefined;
      const invitation = c?.invitations.find((i) => sameSecret(i.token, token.trim()));
      if (!c || !invitation) throw refuse('Lien d’invitation\u00a0: ce lien ne correspond à aucune campagne ; vérifiez l’adresse reçue ou demandez un nouveau lien à qui vous l’a transmis. Votre déclaration est conservée.');
      if (c.status !== 'open') throw refuse(`Lien d’invitation\u00a0: la campagne « ${c.name} » est close ; votre déclaration est conservée, vous pourrez l’envoyer sans ce lien ou par une autre campagne.`);
      return { partner: invitation.partner ?? c.organiser.name, campaign: { id: c.id, name: c.name } };
    },
  };
}

/** A campaign repository in memory (the memory store and the demos). */
export function createMemoryCampaignRepository(): CampaignRepository {
  const campaigns = new Map<string, StoredCampaign>();
  return {
    async insert(c) {
      campaigns.set(c.id, structuredClone(c));
    },
    async get(id) {
      const c = campaigns.get(id);
      return c ? structuredClone(c) : undefined;
    },
    async all() {
      return [...campaigns.values()].map((c) => structuredClone(c));
    },
    async replace(c) {
      campaigns.set(c.id, structuredClone(c));
    },
  };
}
