// Demo-only committee tokens for `npm start`: published in the repository, so never for real data.
import type { CommitteeMember } from './config.js';

/**
 * The demo committee, with the ids the example practices' histories use. Anyone who reads this
 * file can act as the committee: a real deployment configures its own tokens (docs/server.md).
 */
export const DEMO_TOKENS: Readonly<Record<string, CommitteeMember>> = Object.freeze({
  'demo-relecteur-1-jeton-public': { id: 'demo-reviewer-1', role: 'reviewer', name: 'Membre du comité 1' },
  'demo-relecteur-2-jeton-public': { id: 'demo-reviewer-2', role: 'reviewer', name: 'Membre du comité 2' },
  'demo-presidence-jeton-public': { id: 'demo-chair', role: 'chair', name: 'Présidence du comité' },
  'demo-editeur-jeton-public': { id: 'demo-editor', role: 'editor', name: 'Éditeur' },
});
