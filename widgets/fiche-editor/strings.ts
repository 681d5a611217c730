// What the fiche editor says, in French (default), English and German. Field and taxonomy labels come from the domain.
import type { Lang } from '../../src/schema/messages.js';
import type { FicheVersionKind } from '../../src/model.js';

export interface FicheEditorStrings {
  newTitle: string;
  coauthorIntro: (name: string) => string;
  loading: string;
  loadError: string;
  notFound: string;
  notConnected: string;
  retry: string;
  basedOn: (title: string) => string;
  reference: string;
  lastReviewed: string;
  reviewDue: string;
  reviewOverdue: string;
  required: string;
  sectionHint: string;
  partnersHint: string;
  coAuthorsHint: string;
  dateHint: string;
  choose: string;
  territory: string;
  comment: string;
  commentHint: string;
  create: string;
  save: string;
  saving: string;
  created: string;
  saved: string;
  errorSummary: (n: number) => string;
  conflict: string;
  reload: string;
  draftRestored: (when: string) => string;
  draftDiscard: string;
  draftKept: string;
  draftNotKept: string;
  versions: string;
  noVersions: string;
  version: (n: number) => string;
  kinds: Record<FicheVersionKind, string>;
  by: (who: string) => string;
  changed: (n: number) => string;
  before: string;
  after: string;
  empty: string;
  editorName: string;
  coauthors: string;
  coauthorsIntro: string;
  coauthorName: string;
  coauthorOrganisation: string;
  invite: string;
  inviteLink: (name: string) => string;
  linkHint: string;
  revoke: string;
  revoked: (when: string) => string;
  invitedOn: (when: string) => string;
  noCoauthors: string;
  publishTitle: string;
  publishHint: string;
  actualiseTitle: string;
  actualiseHint: string;
  publish: string;
  actualise: string;
  published: string;
  actualised: string;
  invited: (name: string) => string;
  revokedDone: (name: string) => string;
}

const fr: FicheEditorStrings = {
  newTitle: 'Nouvelle fiche dispositif',
  coauthorIntro: (name) => `Vous êtes invité·e à co-écrire cette fiche${name ? ` (${name})` : ''}. Vos modifications sont enregistrées comme une nouvelle version ; l’éditeur de l’observatoire décide de la publication.`,
  loading: 'Chargement de la fiche…',
  loadError: 'La fiche n’a pas pu être chargée ; vérifiez la connexion et réessayez.',
  notFound: 'Cette fiche est introuvable, ou ce lien n’est plus valide (il a pu être révoqué).',
  notConnected: 'L’éditeur de fiches n’est relié à aucun stockage (store ou endpoint).',
  retry: 'Réessayer',
  basedOn: (title) => `Fiche rédigée à partir de la pratique déclarée « ${title} ».`,
  reference: 'Référence',
  lastReviewed: 'Dernière actualisation',
  reviewDue: 'À actualiser avant le',
  reviewOverdue: 'Actualisation en retard depuis le',
  required: 'obligatoire',
  sectionHint: '5000 caractères au plus.',
  partnersHint: 'Un partenaire par ligne.',
  coAuthorsHint: 'Une personne par ligne, l’organisme entre parenthèses : « Camille Durand (Association Passerelle) ».',
  dateHint: 'Au format JJ/MM/AAAA.',
  choose: 'Choisir…',
  territory: 'Territoire',
  comment: 'Ce qui change dans cette version',
  commentHint: 'Facultatif ; apparaît dans l’historique des versions.',
  create: 'Créer la fiche',
  save: 'Enregistrer une nouvelle version',
  saving: 'Enregistrement…',
  created: 'La fiche est créée, en brouillon.',
  saved: 'La nouvelle version est enregistrée.',
  errorSummary: (n) => (n === 1 ? 'Un champ est à corriger :' : `${n} champs sont à corriger :`),
  conflict: 'Quelqu’un a modifié cette fiche entre-temps. Votre texte est conservé dans ce navigateur : rechargez la fiche, puis enregistrez à nouveau.',
  reload: 'Recharger la fiche',
  draftRestored: (when) => `Votre brouillon du ${when} a été restauré.`,
  draftDiscard: 'Revenir à la version enregistrée',
  draftKept: 'Brouillon conservé dans ce navigateur.',
  draftNotKept: 'Ce navigateur ne permet pas de conserver le brouillon : gardez cette page ouverte.',
  versions: 'Historique des versions',
  noVersions: 'Aucune version enregistrée.',
  version: (n) => `Version ${n}`,
  kinds: { create: 'création', edit: 'modification', publish: 'publication', actualise: 'actualisation' },
  by: (who) => `par ${who}`,
  changed: (n) => (n === 0 ? 'aucun champ modifié' : n === 1 ? '1 champ modifié' : `${n} champs modifiés`),
  before: 'Avant',
  after: 'Après',
  empty: '(vide)',
  editorName: 'l’éditeur',
  coauthors: 'Co-auteurs invités',
  coauthorsIntro: 'Chaque co-auteur reçoit un lien secret qui permet de modifier cette fiche seulement, jamais de la publier. Un lien révoqué n’ouvre plus rien.',
  coauthorName: 'Nom du co-auteur',
  coauthorOrganisation: 'Organisme',
  invite: 'Créer le lien d’invitation',
  inviteLink: (name) => `Lien secret de ${name}`,
  linkHint: 'Transmettez ce lien à cette personne seulement ; il n’est montré qu’une fois.',
  revoke: 'Révoquer',
  revoked: (when) => `révoqué le ${when}`,
  invitedOn: (when) => `invité le ${when}`,
  noCoauthors: 'Aucun co-auteur invité.',
  publishTitle: 'Publication',
  publishHint: 'La fiche rejoint la bibliothèque ; sa date d’actualisation est celle d’aujourd’hui.',
  actualiseTitle: 'Actualisation',
  actualiseHint: 'Confirme que la fiche a été relue avec les acteurs ; une nouvelle échéance est fixée.',
  publish: 'Publier la fiche',
  actualise: 'Marquer la fiche comme actualisée',
  published: 'La fiche est publiée dans la bibliothèque.',
  actualised: 'La fiche est actualisée ; sa prochaine échéance est fixée.',
  invited: (name) => `Le lien de ${name} est prêt.`,
  revokedDone: (name) => `Le lien de ${name} est révoqué.`,
};

const en: FicheEditorStrings = {
  newTitle: 'New fiche',
  coauthorIntro: (name) => `You are invited to co-write this fiche${name ? ` (${name})` : ''}. Your changes are saved as a new version; the observatory’s editor decides on publication.`,
  loading: 'Loading the fiche…',
  loadError: 'The fiche could not be loaded; check the connection and try again.',
  notFound: 'This fiche cannot be found, or this link is no longer valid (it may have been revoked).',
  notConnected: 'The fiche editor is not connected to any storage (store or endpoint).',
  retry: 'Try again',
  basedOn: (title) => `Fiche written from the declared practice “${title}”.`,
  reference: 'Reference',
  lastReviewed: 'Last actualised',
  reviewDue: 'To actualise before',
  reviewOverdue: 'Actualisation overdue since',
  required: 'required',
  sectionHint: 'At most 5000 characters.',
  partnersHint: 'One partner per line.',
  coAuthorsHint: 'One person per line, the organisation in brackets: “Camille Durand (Association Passerelle)”.',
  dateHint: 'As DD/MM/YYYY.',
  choose: 'Choose…',
  territory: 'Territory',
  comment: 'What changes in this version',
  commentHint: 'Optional; shown in the history of versions.',
  create: 'Create the fiche',
  save: 'Save a new version',
  saving: 'Saving…',
  created: 'The fiche is created, as a draft.',
  saved: 'The new version is saved.',
  errorSummary: (n) => (n === 1 ? 'One field needs correcting:' : `${n} fields need correcting:`),
  conflict: 'Someone changed this fiche in the meantime. Your text is kept in this browser: reload the fiche, then save again.',
  reload: 'Reload the fiche',
  draftRestored: (when) => `Your draft of ${when} was restored.`,
  draftDiscard: 'Go back to the saved version',
  draftKept: 'Draft kept in this browser.',
  draftNotKept: 'This browser cannot keep the draft: keep this page open.',
  versions: 'History of versions',
  noVersions: 'No version saved.',
  version: (n) => `Version ${n}`,
  kinds: { create: 'creation', edit: 'edit', publish: 'publication', actualise: 'actualisation' },
  by: (who) => `by ${who}`,
  changed: (n) => (n === 0 ? 'no field changed' : n === 1 ? '1 field changed' : `${n} fields changed`),
  before: 'Before',
  after: 'After',
  empty: '(empty)',
  editorName: 'the editor',
  coauthors: 'Invited co-authors',
  coauthorsIntro: 'Each co-author gets a secret link to edit this fiche only, never to publish it. A revoked link opens nothing.',
  coauthorName: 'Name of the co-author',
  coauthorOrganisation: 'Organisation',
  invite: 'Create the invitation link',
  inviteLink: (name) => `Secret link of ${name}`,
  linkHint: 'Send this link to this person only; it is shown once.',
  revoke: 'Revoke',
  revoked: (when) => `revoked on ${when}`,
  invitedOn: (when) => `invited on ${when}`,
  noCoauthors: 'No co-author invited.',
  publishTitle: 'Publication',
  publishHint: 'The fiche joins the library; its actualisation date is today.',
  actualiseTitle: 'Actualisation',
  actualiseHint: 'Confirms the fiche was reviewed with the actors; a new due date is set.',
  publish: 'Publish the fiche',
  actualise: 'Mark the fiche as actualised',
  published: 'The fiche is published in the library.',
  actualised: 'The fiche is actualised; its next due date is set.',
  invited: (name) => `The link of ${name} is ready.`,
  revokedDone: (name) => `The link of ${name} is revoked.`,
};

const de: FicheEditorStrings = {
  newTitle: 'Neues Datenblatt',
  coauthorIntro: (name) => `Sie sind eingeladen, dieses Datenblatt mitzuschreiben${name ? ` (${name})` : ''}. Ihre Änderungen werden als neue Version gespeichert; die Redaktion der Beobachtungsstelle entscheidet über die Veröffentlichung.`,
  loading: 'Datenblatt wird geladen…',
  loadError: 'Das Datenblatt konnte nicht geladen werden; prüfen Sie die Verbindung und versuchen Sie es erneut.',
  notFound: 'Dieses Datenblatt ist nicht auffindbar, oder der Link ist nicht mehr gültig (er wurde möglicherweise widerrufen).',
  notConnected: 'Der Datenblatt-Editor ist mit keinem Speicher verbunden (store oder endpoint).',
  retry: 'Erneut versuchen',
  basedOn: (title) => `Datenblatt auf Grundlage der gemeldeten Praxis „${title}“.`,
  reference: 'Aktenzeichen',
  lastReviewed: 'Zuletzt aktualisiert',
  reviewDue: 'Zu aktualisieren bis',
  reviewOverdue: 'Aktualisierung überfällig seit',
  required: 'Pflichtfeld',
  sectionHint: 'Höchstens 5000 Zeichen.',
  partnersHint: 'Ein Partner pro Zeile.',
  coAuthorsHint: 'Eine Person pro Zeile, die Organisation in Klammern: „Camille Durand (Association Passerelle)“.',
  dateHint: 'Im Format TT/MM/JJJJ.',
  choose: 'Auswählen…',
  territory: 'Gebiet',
  comment: 'Was sich in dieser Version ändert',
  commentHint: 'Freiwillig; erscheint im Versionsverlauf.',
  create: 'Datenblatt anlegen',
  save: 'Neue Version speichern',
  saving: 'Wird gespeichert…',
  created: 'Das Datenblatt ist als Entwurf angelegt.',
  saved: 'Die neue Version ist gespeichert.',
  errorSummary: (n) => (n === 1 ? 'Ein Feld ist zu korrigieren:' : `${n} Felder sind zu korrigieren:`),
  conflict: 'Jemand hat dieses Datenblatt inzwischen geändert. Ihr Text bleibt in diesem Browser erhalten: Laden Sie das Datenblatt neu und speichern Sie erneut.',
  reload: 'Datenblatt neu laden',
  draftRestored: (when) => `Ihr Entwurf vom ${when} wurde wiederhergestellt.`,
  draftDiscard: 'Zur gespeicherten Version zurückkehren',
  draftKept: 'Entwurf in diesem Browser gespeichert.',
  draftNotKept: 'Dieser Browser kann den Entwurf nicht speichern: Lassen Sie diese Seite geöffnet.',
  versions: 'Versionsverlauf',
  noVersions: 'Keine Version gespeichert.',
  version: (n) => `Version ${n}`,
  kinds: { create: 'Erstellung', edit: 'Änderung', publish: 'Veröffentlichung', actualise: 'Aktualisierung' },
  by: (who) => `von ${who}`,
  changed: (n) => (n === 0 ? 'kein Feld geändert' : n === 1 ? '1 Feld geändert' : `${n} Felder geändert`),
  before: 'Vorher',
  after: 'Nachher',
  empty: '(leer)',
  editorName: 'die Redaktion',
  coauthors: 'Eingeladene Mitautorinnen und Mitautoren',
  coauthorsIntro: 'Jede Mitautorin und jeder Mitautor erhält einen geheimen Link, der nur dieses Datenblatt bearbeiten lässt, nie veröffentlichen. Ein widerrufener Link öffnet nichts mehr.',
  coauthorName: 'Name',
  coauthorOrganisation: 'Organisation',
  invite: 'Einladungslink erstellen',
  inviteLink: (name) => `Geheimer Link für ${name}`,
  linkHint: 'Geben Sie diesen Link nur an diese Person weiter; er wird nur einmal angezeigt.',
  revoke: 'Widerrufen',
  revoked: (when) => `widerrufen am ${when}`,
  invitedOn: (when) => `eingeladen am ${when}`,
  noCoauthors: 'Niemand eingeladen.',
  publishTitle: 'Veröffentlichung',
  publishHint: 'Das Datenblatt kommt in die Bibliothek; sein Aktualisierungsdatum ist heute.',
  actualiseTitle: 'Aktualisierung',
  actualiseHint: 'Bestätigt, dass das Datenblatt mit den Akteuren durchgesehen wurde; eine neue Frist wird gesetzt.',
  publish: 'Datenblatt veröffentlichen',
  actualise: 'Datenblatt als aktualisiert markieren',
  published: 'Das Datenblatt ist in der Bibliothek veröffentlicht.',
  actualised: 'Das Datenblatt ist aktualisiert; die nächste Frist ist gesetzt.',
  invited: (name) => `Der Link für ${name} ist bereit.`,
  revokedDone: (name) => `Der Link für ${name} ist widerrufen.`,
};

export const FICHE_EDITOR_STRINGS: Readonly<Record<Lang, FicheEditorStrings>> = { fr, en, de };
