// What people read about the review: state and event names, and the reasons a refusal gives (fr, en, de).
import type { OpinionValue, ReviewState, Role } from '../model.js';
import type { Lang } from '../schema/messages.js';
import type { ReviewEventType } from './events.js';

export const STATE_LABELS: Readonly<Record<Lang, Readonly<Record<ReviewState, string>>>> = {
  fr: {
    draft: 'Brouillon',
    submitted: 'Soumise',
    inReview: 'En cours d’examen',
    complementsRequested: 'Compléments demandés',
    accepted: 'Retenue',
    published: 'Publiée',
    rejected: 'Non retenue',
    withdrawn: 'Retirée',
    merged: 'Fusionnée',
  },
  en: {
    draft: 'Draft',
    submitted: 'Submitted',
    inReview: 'In review',
    complementsRequested: 'Complements requested',
    accepted: 'Accepted',
    published: 'Published',
    rejected: 'Rejected',
    withdrawn: 'Withdrawn',
    merged: 'Merged',
  },
  de: {
    draft: 'Entwurf',
    submitted: 'Eingereicht',
    inReview: 'In Prüfung',
    complementsRequested: 'Ergänzungen angefordert',
    accepted: 'Angenommen',
    published: 'Veröffentlicht',
    rejected: 'Abgelehnt',
    withdrawn: 'Zurückgezogen',
    merged: 'Zusammengeführt',
  },
};

/** Labels of a reviewer's opinion. */
export const OPINION_LABELS: Readonly<Record<Lang, Readonly<Record<OpinionValue, string>>>> = {
  fr: { favorable: 'Favorable', reserve: 'Réservé', defavorable: 'Défavorable' },
  en: { favorable: 'Favourable', reserve: 'Reserved', defavorable: 'Unfavourable' },
  de: { favorable: 'Befürwortend', reserve: 'Mit Vorbehalt', defavorable: 'Ablehnend' },
};

export const EVENT_LABELS: Readonly<Record<Lang, Readonly<Record<ReviewEventType, string>>>> = {
  fr: {
    SUBMIT: 'Soumettre',
    IMPORT: 'Importer',
    START_REVIEW: 'Commencer l’examen',
    REQUEST_COMPLEMENTS: 'Demander des compléments',
    PROVIDE_COMPLEMENTS: 'Apporter les compléments',
    GIVE_OPINION: 'Donner un avis',
    ACCEPT: 'Retenir la pratique',
    REJECT: 'Ne pas retenir',
    REOPEN: 'Rouvrir l’examen',
    MERGE: 'Fusionner avec une autre pratique',
    PUBLISH: 'Publier',
    UNPUBLISH: 'Dépublier',
    FEATURE: 'Valoriser',
    UNFEATURE: 'Retirer la valorisation',
    WITHDRAW: 'Retirer la pratique',
    EDIT: 'Modifier la fiche',
    ACTUALISE: 'Actualiser la fiche',
  },
  en: {
    SUBMIT: 'Submit',
    IMPORT: 'Import',
    START_REVIEW: 'Start the review',
    REQUEST_COMPLEMENTS: 'Request complements',
    PROVIDE_COMPLEMENTS: 'Provide the complements',
    GIVE_OPINION: 'Give an opinion',
    ACCEPT: 'Accept',
    REJECT: 'Reject',
    REOPEN: 'Reopen the review',
    MERGE: 'Merge into another practice',
    PUBLISH: 'Publish',
    UNPUBLISH: 'Unpublish',
    FEATURE: 'Feature',
    UNFEATURE: 'Stop featuring',
    WITHDRAW: 'Withdraw',
    EDIT: 'Edit the fiche',
    ACTUALISE: 'Actualise the fiche',
  },
  de: {
    SUBMIT: 'Einreichen',
    IMPORT: 'Importieren',
    START_REVIEW: 'Prüfung beginnen',
    REQUEST_COMPLEMENTS: 'Ergänzungen anfordern',
    PROVIDE_COMPLEMENTS: 'Ergänzungen liefern',
    GIVE_OPINION: 'Stellungnahme abgeben',
    ACCEPT: 'Annehmen',
    REJECT: 'Ablehnen',
    REOPEN: 'Prüfung wieder eröffnen',
    MERGE: 'Mit einer anderen Praxis zusammenführen',
    PUBLISH: 'Veröffentlichen',
    UNPUBLISH: 'Veröffentlichung zurücknehmen',
    FEATURE: 'Hervorheben',
    UNFEATURE: 'Hervorhebung aufheben',
    WITHDRAW: 'Zurückziehen',
    EDIT: 'Datenblatt bearbeiten',
    ACTUALISE: 'Datenblatt aktualisieren',
  },
};

export const ROLE_LABELS: Readonly<Record<Lang, Readonly<Record<Role, string>>>> = {
  fr: { declarant: 'le déclarant', reviewer: 'un membre du comité', chair: 'la présidence du comité', editor: 'l’éditeur' },
  en: { declarant: 'the declarant', reviewer: 'a committee member', chair: 'the committee chair', editor: 'the editor' },
  de: { declarant: 'die meldende Person', reviewer: 'ein Ausschussmitglied', chair: 'der Ausschussvorsitz', editor: 'die Redaktion' },
};

/** Stable codes of a refused review event. */
export type RefusalCode =
  | 'unknown_event'
  | 'missing_actor'
  | 'missing_at'
  | 'role_not_allowed'
  | 'state_not_allowed'
  | 'comment_required'
  | 'comment_too_long'
  | 'comment_invalid_characters'
  | 'invalid_declaration'
  | 'invalid_fiche'
  | 'invalid_opinion'
  | 'not_enough_opinions'
  | 'into_required'
  | 'into_self'
  | 'already_featured'
  | 'not_featured'
  | 'fiche_only';

export interface RefusalParams {
  event?: ReviewEventType | string;
  state?: ReviewState;
  roles?: readonly Role[];
  count?: number;
  min?: number;
  max?: number;
}

type Reasons = Record<RefusalCode, (p: RefusalParams, lang: Lang) => string>;

const list = (items: readonly string[], and: string) =>
  items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} ${and} ${items[items.length - 1]}`;
const eventLabel = (p: RefusalParams, lang: Lang) =>
  EVENT_LABELS[lang][p.event as ReviewEventType] ?? String(p.event);
const stateLabel = (p: RefusalParams, lang: Lang) => (p.state ? STATE_LABELS[lang][p.state] : '');
const roles = (p: RefusalParams, lang: Lang, and: string) => list((p.roles ?? []).map((r) => ROLE_LABELS[lang][r]), and);

export const REFUSAL_REASONS: Readonly<Record<Lang, Reasons>> = {
  fr: {
    unknown_event: (p) => `L’action « ${p.event} » n’existe pas.`,
    missing_actor: () => 'L’action doit indiquer qui l’effectue (identifiant et rôle).',
    missing_at: () => 'L’action doit être horodatée par le service qui la reçoit.',
    role_not_allowed: (p, l) => `Seul ${roles(p, l, 'ou')} peut « ${eventLabel(p, l)} ».`,
    state_not_allowed: (p, l) => `« ${eventLabel(p, l)} » n’est pas possible quand la pratique est à l’état « ${stateLabel(p, l)} ».`,
    comment_required: (p, l) => `« ${eventLabel(p, l)} » demande une motivation ou un message.`,
    comment_too_long: (p) => `Le message dépasse ${p.max} caractères.`,
    comment_invalid_characters: () => 'Le message contient des caractères invisibles ou invalides ; retapez-le sans copier-coller.',
    invalid_declaration: () => 'La déclaration n’est pas valide : corrigez les champs signalés.',
    invalid_fiche: () => 'La fiche n’est pas valide : corrigez les champs signalés.',
    invalid_opinion: () => 'L’avis doit être « favorable », « réservé » ou « défavorable ».',
    not_enough_opinions: (p) => `La décision demande au moins ${p.min} avis ; ce tour d’examen en compte ${p.count}.`,
    into_required: () => 'Indiquez la pratique dans laquelle fusionner celle-ci.',
    into_self: () => 'Une pratique ne peut pas être fusionnée avec elle-même.',
    already_featured: () => 'Cette pratique est déjà valorisée.',
    not_featured: () => 'Cette pratique n’est pas valorisée.',
    fiche_only: (p, l) => `« ${eventLabel(p, l)} » ne concerne que les fiches de l’observatoire.`,
  },
  en: {
    unknown_event: (p) => `There is no action “${p.event}”.`,
    missing_actor: () => 'The action must say who performs it (id and role).',
    missing_at: () => 'The action must be timestamped by the service that receives it.',
    role_not_allowed: (p, l) => `Only ${roles(p, l, 'or')} may “${eventLabel(p, l)}”.`,
    state_not_allowed: (p, l) => `“${eventLabel(p, l)}” is not possible while the practice is “${stateLabel(p, l)}”.`,
    comment_required: (p, l) => `“${eventLabel(p, l)}” needs a motivation or a message.`,
    comment_too_long: (p) => `The message is longer than ${p.max} characters.`,
    comment_invalid_characters: () => 'The message holds invisible or invalid characters; type it again without copy-paste.',
    invalid_declaration: () => 'The declaration is not valid: correct the fields shown.',
    invalid_fiche: () => 'The fiche is not valid: correct the fields shown.',
    invalid_opinion: () => 'The opinion must be “favorable”, “reserve” or “defavorable”.',
    not_enough_opinions: (p) => `The decision needs at least ${p.min} opinions; ${p.count} were given in this round.`,
    into_required: () => 'Name the practice to merge this one into.',
    into_self: () => 'A practice cannot be merged into itself.',
    already_featured: () => 'This practice is already featured.',
    not_featured: () => 'This practice is not featured.',
    fiche_only: (p, l) => `“${eventLabel(p, l)}” applies to the observatory’s fiches only.`,
  },
  de: {
    unknown_event: (p) => `Die Aktion „${p.event}“ gibt es nicht.`,
    missing_actor: () => 'Die Aktion muss angeben, wer sie ausführt (Kennung und Rolle).',
    missing_at: () => 'Die Aktion muss vom empfangenden Dienst mit einem Zeitstempel versehen werden.',
    role_not_allowed: (p, l) => `Nur ${roles(p, l, 'oder')} darf „${eventLabel(p, l)}“.`,
    state_not_allowed: (p, l) => `„${eventLabel(p, l)}“ ist im Zustand „${stateLabel(p, l)}“ nicht möglich.`,
    comment_required: (p, l) => `„${eventLabel(p, l)}“ erfordert eine Begründung oder Nachricht.`,
    comment_too_long: (p) => `Die Nachricht ist länger als ${p.max} Zeichen.`,
    comment_invalid_characters: () => 'Die Nachricht enthält unsichtbare oder ungültige Zeichen; bitte ohne Kopieren erneut eingeben.',
    invalid_declaration: () => 'Die Meldung ist ungültig: Bitte korrigieren Sie die markierten Felder.',
    invalid_fiche: () => 'Das Datenblatt ist ungültig: Bitte korrigieren Sie die markierten Felder.',
    invalid_opinion: () => 'Die Stellungnahme muss „favorable“, „reserve“ oder „defavorable“ sein.',
    not_enough_opinions: (p) => `Die Entscheidung erfordert mindestens ${p.min} Stellungnahmen; in dieser Runde liegen ${p.count} vor.`,
    into_required: () => 'Geben Sie die Praxis an, mit der diese zusammengeführt werden soll.',
    into_self: () => 'Eine Praxis kann nicht mit sich selbst zusammengeführt werden.',
    already_featured: () => 'Diese Praxis ist bereits hervorgehoben.',
    not_featured: () => 'Diese Praxis ist nicht hervorgehoben.',
    fiche_only: (p, l) => `„${eventLabel(p, l)}“ gilt nur für die Datenblätter der Beobachtungsstelle.`,
  },
};
