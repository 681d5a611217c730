// What the review board says, in French (default), English and German. State, event and field labels come from the domain.
import type { Role } from '../../src/model.js';
import type { ReviewEventType } from '../../src/review/events.js';
import type { Lang } from '../../src/schema/messages.js';

/** The collection campaigns' view and filter. */
export interface CampaignStrings {
  title: string;
  filter: string;
  all: string;
  none: string;
  open: string;
  closed: string;
  organiser: string;
  status: string;
  received: string;
  inReview: string;
  published: string;
  links: (campaign: string) => string;
  generic: string;
  copy: string;
  copied: string;
  organiserLink: string;
  showPractices: string;
  filtered: (campaign: string) => string;
  kinds: { network: string; department: string };
  organiserIntro: string;
  organiserNotFound: string;
}

export interface BoardStrings {
  campaigns: CampaignStrings;
  queuesTitle: string;
  awaitingMine: string;
  awaitingDecision: string;
  practices: (n: number) => string;
  queueAnnounce: (queue: string, n: number) => string;
  loading: string;
  loadError: string;
  retry: string;
  emptyQueue: string;
  page: (n: number, total: number) => string;
  previousPage: string;
  nextPage: string;
  receivedOn: (date: string) => string;
  opinionsCount: (n: number) => string;
  back: string;
  notFound: string;
  notConfigured: string;
  notCommittee: string;
  /** The server refused the token when asked who it is (unknown, revoked, or a declarant's). */
  tokenRefused: string;
  /** The page's `actor` and the server's answer for the token differ: the server's is used. */
  actorMismatch: (given: string, server: string) => string;
  featured: string;
  version: (n: number) => string;
  sections: {
    declaration: string;
    fiche: string;
    contact: string;
    agreement: string;
    source: string;
    history: string;
    opinions: string;
    changes: string;
    actions: string;
    dates: string;
  };
  receivedAt: string;
  updatedAt: string;
  publishedAt: string;
  consentedAt: string;
  erased: (date: string) => string;
  changesCaption: (date: string) => string;
  changesNone: string;
  field: string;
  before: string;
  after: string;
  emptyValue: string;
  nationwide: string;
  yes: string;
  no: string;
  noOpinions: string;
  opinionsProgress: (count: number, min: number) => string;
  roleNames: Record<Role, string>;
  theDeclarant: string;
  historyEmpty: string;
  mergedInto: (reference: string) => string;
  noActions: string;
  unavailableTitle: string;
  commentLabel: Partial<Record<ReviewEventType, string>> & { default: string };
  commentHint: Partial<Record<ReviewEventType, string>>;
  commentMax: (n: number) => string;
  draftKept: string;
  draftUnavailable: string;
  opinionLegend: string;
  opinionReplaces: (opinion: string) => string;
  intoLegend: string;
  intoSearch: string;
  intoSearchHint: string;
  intoFound: (n: number) => string;
  intoLoading: string;
  required: string;
  optional: string;
  confirmIntro: (label: string) => string;
  confirm: (label: string) => string;
  cancel: string;
  sending: string;
  sendFailed: string;
  sendKept: string;
  refused: string;
  done: (label: string, state: string) => string;
  alreadyDone: (label: string, state: string) => string;
  restored: (label: string) => string;
  conflictTitle: string;
  conflictVersions: (from: number, to: number) => string;
  conflictState: (from: string, to: string) => string;
  conflictSameState: (state: string) => string;
  conflictNothing: string;
  conflictAgain: string;
  conflictGone: (label: string) => string;
}

const fr: BoardStrings = {
  campaigns: {
    title: 'Campagnes de collecte',
    filter: 'Campagne',
    all: 'Toutes les pratiques',
    none: 'Aucune campagne pour l’instant.',
    open: 'Ouverte',
    closed: 'Close',
    organiser: 'Organisateur',
    status: 'État',
    received: 'Reçues',
    inReview: 'En cours d’examen',
    published: 'Publiées',
    links: (c) => `Liens d’invitation de « ${c} »`,
    generic: 'Lien générique',
    copy: 'Copier le lien',
    copied: 'Lien copié.',
    organiserLink: 'Lien secret de l’organisateur (à lui seul transmettre)',
    showPractices: 'Voir les pratiques reçues',
    filtered: (c) => `Campagne « ${c} »`,
    kinds: { network: 'Réseau', department: 'Département' },
    organiserIntro: 'Votre campagne de collecte : les liens à transmettre et ce qu’ils ont permis de recevoir.',
    organiserNotFound: 'Ce lien de campagne n’est pas valide ; demandez-en un nouveau à l’éditeur.',
  },
  queuesTitle: 'Files d’attente',
  awaitingMine: 'En attente de mon avis',
  awaitingDecision: 'En attente de décision',
  practices: (n) => `${n} pratique${n > 1 ? 's' : ''}`,
  queueAnnounce: (queue, n) => `${queue} : ${n} pratique${n > 1 ? 's' : ''}.`,
  loading: 'Chargement…',
  loadError: 'Les pratiques n’ont pas pu être chargées.',
  retry: 'Réessayer',
  emptyQueue: 'Aucune pratique dans cette file.',
  page: (n, total) => `Page ${n} sur ${total}`,
  previousPage: 'Page précédente',
  nextPage: 'Page suivante',
  receivedOn: (date) => `reçue le ${date}`,
  opinionsCount: (n) => `${n} avis`,
  back: 'Retour à la file',
  notFound: 'Cette pratique est introuvable.',
  notConfigured: 'Le tableau d’examen a besoin d’un magasin (propriété store ou attribut endpoint) et d’un acteur (attribut actor, ou le jeton donné avec endpoint).',
  notCommittee: 'Le tableau d’examen est réservé aux membres du comité de sélection, à sa présidence et à l’éditeur.',
  tokenRefused: 'Le serveur ne reconnaît pas ce jeton comme celui d’un membre du comité : il est peut-être erroné ou a été révoqué. Le tableau d’examen est réservé aux membres du comité de sélection, à sa présidence et à l’éditeur.',
  actorMismatch: (given, server) => `Pour information : la page vous présente comme ${given}, mais votre jeton est celui de ${server}. Le tableau suit votre jeton, comme le serveur.`,
  featured: 'Valorisée',
  version: (n) => `version ${n}`,
  sections: {
    declaration: 'Déclaration',
    fiche: 'Fiche dispositif',
    contact: 'Contact du déclarant',
    agreement: 'Accord du département',
    source: 'Origine de l’envoi',
    history: 'Historique',
    opinions: 'Avis du tour d’examen en cours',
    changes: 'Ce que les compléments ont changé',
    actions: 'Actions',
    dates: 'Dates',
  },
  receivedAt: 'Reçue le',
  updatedAt: 'Modifiée le',
  publishedAt: 'Publiée le',
  consentedAt: 'Conditions acceptées et accord certifié le',
  erased: (date) => `Les coordonnées du déclarant ont été effacées le ${date}.`,
  changesCaption: (date) => `Déclaration avant et après les compléments apportés le ${date}`,
  changesNone: 'Les compléments n’ont modifié aucun champ de la déclaration.',
  field: 'Champ',
  before: 'Avant',
  after: 'Après',
  emptyValue: 'vide',
  nationwide: 'France entière',
  yes: 'Oui',
  no: 'Non',
  noOpinions: 'Aucun avis n’a encore été donné dans ce tour.',
  opinionsProgress: (count, min) => `${count} avis donné${count > 1 ? 's' : ''} ; il en faut au moins ${min} pour décider.`,
  roleNames: { declarant: 'déclarant', reviewer: 'membre du comité', chair: 'présidence du comité', editor: 'éditeur' },
  theDeclarant: 'Le déclarant',
  historyEmpty: 'Aucun événement.',
  mergedInto: (reference) => `dans ${reference}`,
  noActions: 'Aucune action ne vous revient à cette étape.',
  unavailableTitle: 'Pas possible pour l’instant',
  commentLabel: {
    default: 'Motivation',
    REQUEST_COMPLEMENTS: 'Message au déclarant',
    GIVE_OPINION: 'Commentaire',
    FEATURE: 'Pourquoi la valoriser',
  },
  commentHint: {
    REQUEST_COMPLEMENTS: 'Le déclarant le lira avec sa déclaration : dites ce qui manque ou doit être précisé.',
    GIVE_OPINION: 'Réservé au comité ; le déclarant ne voit jamais les avis.',
    ACCEPT: 'Elle figure dans l’historique et est communiquée au déclarant.',
    REJECT: 'Elle figure dans l’historique et est communiquée au déclarant.',
    FEATURE: 'Pertinence, originalité, efficacité…',
  },
  commentMax: (n) => `${n.toLocaleString('fr-FR')} caractères au plus.`,
  draftKept: 'Ce que vous écrivez est conservé dans ce navigateur jusqu’à l’envoi.',
  draftUnavailable: 'Ce navigateur ne permet pas de conserver ce que vous écrivez : envoyez-le avant de quitter la page.',
  opinionLegend: 'Votre avis',
  opinionReplaces: (opinion) => `Vous avez déjà donné un avis « ${opinion} » dans ce tour ; le nouvel avis le remplacera.`,
  intoLegend: 'Pratique dans laquelle fusionner celle-ci',
  intoSearch: 'Chercher par référence, intitulé ou structure',
  intoSearchHint: 'Par exemple « PI-2026-000012 » ou un mot du titre.',
  intoFound: (n) => (n === 0 ? 'Aucune pratique ne correspond.' : `${n} pratique${n > 1 ? 's' : ''} trouvée${n > 1 ? 's' : ''}.`),
  intoLoading: 'Chargement des pratiques…',
  required: 'obligatoire',
  optional: 'facultatif',
  confirmIntro: (label) => `Confirmez-vous « ${label} » ?`,
  confirm: (label) => `Confirmer : ${label}`,
  cancel: 'Annuler',
  sending: 'Envoi en cours…',
  sendFailed: 'L’action n’a pas été enregistrée.',
  sendKept: 'Ce que vous avez écrit est conservé dans ce navigateur : réessayez dans un instant, sans risque de double envoi.',
  refused: 'Action refusée :',
  done: (label, state) => `Action enregistrée : « ${label} ». La pratique est maintenant « ${state} ».`,
  alreadyDone: (label, state) => `Votre action « ${label} » avait bien été enregistrée lors de l’essai précédent ; elle n’a pas été envoyée une seconde fois. La pratique est « ${state} ».`,
  restored: (label) => `Votre texte non envoyé pour « ${label} » a été restauré.`,
  conflictTitle: 'Cette pratique a changé pendant que vous la consultiez',
  conflictVersions: (from, to) => `Vous aviez la version ${from} ; voici la version ${to}.`,
  conflictState: (from, to) => `État : « ${from} » → « ${to} ».`,
  conflictSameState: (state) => `L’état n’a pas changé : « ${state} ».`,
  conflictNothing: 'Aucun événement nouveau dans l’historique.',
  conflictAgain: 'Votre action n’a pas été envoyée ; ce que vous aviez écrit est conservé. Relisez, puis confirmez de nouveau si elle a toujours lieu d’être.',
  conflictGone: (label) => `« ${label} » n’est plus possible dans ce nouvel état ; votre texte non envoyé :`,
};

const en: BoardStrings = {
  campaigns: {
    title: 'Collection campaigns',
    filter: 'Campaign',
    all: 'All practices',
    none: 'No campaign yet.',
    open: 'Open',
    closed: 'Closed',
    organiser: 'Organiser',
    status: 'Status',
    received: 'Received',
    inReview: 'Under review',
    published: 'Published',
    links: (c) => `Invitation links of “${c}”`,
    generic: 'Generic link',
    copy: 'Copy the link',
    copied: 'Link copied.',
    organiserLink: 'Organiser’s secret link (for them only)',
    showPractices: 'Show the practices received',
    filtered: (c) => `Campaign “${c}”`,
    kinds: { network: 'Network', department: 'Département' },
    organiserIntro: 'Your collection campaign: the links to forward and what they brought in.',
    organiserNotFound: 'This campaign link is not valid; ask the editor for a new one.',
  },
  queuesTitle: 'Queues',
  awaitingMine: 'Awaiting my opinion',
  awaitingDecision: 'Awaiting a decision',
  practices: (n) => `${n} practice${n === 1 ? '' : 's'}`,
  queueAnnounce: (queue, n) => `${queue}: ${n} practice${n === 1 ? '' : 's'}.`,
  loading: 'Loading…',
  loadError: 'The practices could not be loaded.',
  retry: 'Try again',
  emptyQueue: 'No practice in this queue.',
  page: (n, total) => `Page ${n} of ${total}`,
  previousPage: 'Previous page',
  nextPage: 'Next page',
  receivedOn: (date) => `received on ${date}`,
  opinionsCount: (n) => `${n} opinion${n === 1 ? '' : 's'}`,
  back: 'Back to the queue',
  notFound: 'This practice cannot be found.',
  notConfigured: 'The review board needs a store (store property or endpoint attribute) and an actor (actor attribute, or the token given with endpoint).',
  notCommittee: 'The review board is for the selection committee, its chair and the editor.',
  tokenRefused: 'The server does not recognise this token as a committee member’s: it may be mistyped or revoked. The review board is for the selection committee, its chair and the editor.',
  actorMismatch: (given, server) => `Please note: the page introduces you as ${given}, but your token is ${server}’s. The board follows your token, as the server does.`,
  featured: 'Featured',
  version: (n) => `version ${n}`,
  sections: {
    declaration: 'Declaration',
    fiche: 'ONPE fiche',
    contact: 'Declarant’s contact',
    agreement: 'Agreement of the département',
    source: 'Origin of the submission',
    history: 'History',
    opinions: 'Opinions of the current round',
    changes: 'What the complements changed',
    actions: 'Actions',
    dates: 'Dates',
  },
  receivedAt: 'Received on',
  updatedAt: 'Updated on',
  publishedAt: 'Published on',
  consentedAt: 'Conditions accepted and agreement certified on',
  erased: (date) => `The declarant’s contact details were erased on ${date}.`,
  changesCaption: (date) => `Declaration before and after the complements provided on ${date}`,
  changesNone: 'The complements changed no field of the declaration.',
  field: 'Field',
  before: 'Before',
  after: 'After',
  emptyValue: 'empty',
  nationwide: 'Nationwide',
  yes: 'Yes',
  no: 'No',
  noOpinions: 'No opinion has been given in this round yet.',
  opinionsProgress: (count, min) => `${count} opinion${count === 1 ? '' : 's'} given; a decision needs at least ${min}.`,
  roleNames: { declarant: 'declarant', reviewer: 'committee member', chair: 'committee chair', editor: 'editor' },
  theDeclarant: 'The declarant',
  historyEmpty: 'No event.',
  mergedInto: (reference) => `into ${reference}`,
  noActions: 'No action is yours at this stage.',
  unavailableTitle: 'Not possible yet',
  commentLabel: {
    default: 'Motivation',
    REQUEST_COMPLEMENTS: 'Message to the declarant',
    GIVE_OPINION: 'Comment',
    FEATURE: 'Why feature it',
  },
  commentHint: {
    REQUEST_COMPLEMENTS: 'The declarant reads it with their declaration: say what is missing or needs detail.',
    GIVE_OPINION: 'For the committee only; the declarant never sees opinions.',
    ACCEPT: 'It is kept in the history and told to the declarant.',
    REJECT: 'It is kept in the history and told to the declarant.',
    FEATURE: 'Relevance, originality, effectiveness…',
  },
  commentMax: (n) => `At most ${n.toLocaleString('en-GB')} characters.`,
  draftKept: 'What you write is kept in this browser until it is sent.',
  draftUnavailable: 'This browser cannot keep what you write: send it before leaving the page.',
  opinionLegend: 'Your opinion',
  opinionReplaces: (opinion) => `You already gave an opinion “${opinion}” in this round; the new one will replace it.`,
  intoLegend: 'Practice to merge this one into',
  intoSearch: 'Search by reference, title or organisation',
  intoSearchHint: 'For example “PI-2026-000012” or a word of the title.',
  intoFound: (n) => (n === 0 ? 'No practice matches.' : `${n} practice${n === 1 ? '' : 's'} found.`),
  intoLoading: 'Loading the practices…',
  required: 'required',
  optional: 'optional',
  confirmIntro: (label) => `Do you confirm “${label}”?`,
  confirm: (label) => `Confirm: ${label}`,
  cancel: 'Cancel',
  sending: 'Sending…',
  sendFailed: 'The action was not recorded.',
  sendKept: 'What you wrote is kept in this browser: try again in a moment, it cannot be recorded twice.',
  refused: 'Action refused:',
  done: (label, state) => `Action recorded: “${label}”. The practice is now “${state}”.`,
  alreadyDone: (label, state) => `Your action “${label}” had been recorded on the previous attempt; it was not sent a second time. The practice is “${state}”.`,
  restored: (label) => `Your unsent text for “${label}” was restored.`,
  conflictTitle: 'This practice changed while you were reading it',
  conflictVersions: (from, to) => `You had version ${from}; this is version ${to}.`,
  conflictState: (from, to) => `State: “${from}” → “${to}”.`,
  conflictSameState: (state) => `The state did not change: “${state}”.`,
  conflictNothing: 'No new event in the history.',
  conflictAgain: 'Your action was not sent; what you wrote is kept. Read again, then confirm if it still applies.',
  conflictGone: (label) => `“${label}” is no longer possible in this new state; your unsent text:`,
};

const de: BoardStrings = {
  campaigns: {
    title: 'Sammelkampagnen',
    filter: 'Kampagne',
    all: 'Alle Praktiken',
    none: 'Noch keine Kampagne.',
    open: 'Offen',
    closed: 'Geschlossen',
    organiser: 'Veranstalter',
    status: 'Status',
    received: 'Eingegangen',
    inReview: 'In Prüfung',
    published: 'Veröffentlicht',
    links: (c) => `Einladungslinks von „${c}“`,
    generic: 'Allgemeiner Link',
    copy: 'Link kopieren',
    copied: 'Link kopiert.',
    organiserLink: 'Geheimer Link des Veranstalters (nur für ihn)',
    showPractices: 'Eingegangene Praktiken anzeigen',
    filtered: (c) => `Kampagne „${c}“`,
    kinds: { network: 'Netzwerk', department: 'Département' },
    organiserIntro: 'Ihre Sammelkampagne: die weiterzuleitenden Links und was sie eingebracht haben.',
    organiserNotFound: 'Dieser Kampagnenlink ist ungültig; bitten Sie den Herausgeber um einen neuen.',
  },
  queuesTitle: 'Warteschlangen',
  awaitingMine: 'Wartet auf meine Stellungnahme',
  awaitingDecision: 'Wartet auf Entscheidung',
  practices: (n) => `${n} ${n === 1 ? 'Praxis' : 'Praxen'}`,
  queueAnnounce: (queue, n) => `${queue}: ${n} ${n === 1 ? 'Praxis' : 'Praxen'}.`,
  loading: 'Wird geladen…',
  loadError: 'Die Praxen konnten nicht geladen werden.',
  retry: 'Erneut versuchen',
  emptyQueue: 'Keine Praxis in dieser Warteschlange.',
  page: (n, total) => `Seite ${n} von ${total}`,
  previousPage: 'Vorherige Seite',
  nextPage: 'Nächste Seite',
  receivedOn: (date) => `eingegangen am ${date}`,
  opinionsCount: (n) => `${n} ${n === 1 ? 'Stellungnahme' : 'Stellungnahmen'}`,
  back: 'Zurück zur Warteschlange',
  notFound: 'Diese Praxis wurde nicht gefunden.',
  notConfigured: 'Die Prüfübersicht braucht einen Speicher (Eigenschaft store oder Attribut endpoint) und eine handelnde Person (Attribut actor oder das mit endpoint angegebene Token).',
  notCommittee: 'Die Prüfübersicht ist dem Auswahlausschuss, seinem Vorsitz und der Redaktion vorbehalten.',
  tokenRefused: 'Der Server erkennt dieses Token nicht als das eines Ausschussmitglieds: Es ist vielleicht falsch oder wurde widerrufen. Die Prüfübersicht ist dem Auswahlausschuss, seinem Vorsitz und der Redaktion vorbehalten.',
  actorMismatch: (given, server) => `Zur Information: Die Seite stellt Sie als ${given} vor, Ihr Token gehört aber ${server}. Die Übersicht folgt Ihrem Token, wie der Server.`,
  featured: 'Hervorgehoben',
  version: (n) => `Version ${n}`,
  sections: {
    declaration: 'Meldung',
    fiche: 'ONPE-Datenblatt',
    contact: 'Kontakt der meldenden Person',
    agreement: 'Zustimmung des Départements',
    source: 'Herkunft der Meldung',
    history: 'Verlauf',
    opinions: 'Stellungnahmen der laufenden Runde',
    changes: 'Was die Ergänzungen geändert haben',
    actions: 'Aktionen',
    dates: 'Daten',
  },
  receivedAt: 'Eingegangen am',
  updatedAt: 'Geändert am',
  publishedAt: 'Veröffentlicht am',
  consentedAt: 'Bedingungen akzeptiert und Zustimmung bestätigt am',
  erased: (date) => `Die Kontaktdaten der meldenden Person wurden am ${date} gelöscht.`,
  changesCaption: (date) => `Meldung vor und nach den Ergänzungen vom ${date}`,
  changesNone: 'Die Ergänzungen haben kein Feld der Meldung geändert.',
  field: 'Feld',
  before: 'Vorher',
  after: 'Nachher',
  emptyValue: 'leer',
  nationwide: 'Ganz Frankreich',
  yes: 'Ja',
  no: 'Nein',
  noOpinions: 'In dieser Runde liegt noch keine Stellungnahme vor.',
  opinionsProgress: (count, min) => `${count} ${count === 1 ? 'Stellungnahme' : 'Stellungnahmen'}; für eine Entscheidung sind mindestens ${min} nötig.`,
  roleNames: { declarant: 'meldende Person', reviewer: 'Ausschussmitglied', chair: 'Ausschussvorsitz', editor: 'Redaktion' },
  theDeclarant: 'Die meldende Person',
  historyEmpty: 'Kein Ereignis.',
  mergedInto: (reference) => `in ${reference}`,
  noActions: 'In diesem Stadium steht Ihnen keine Aktion zu.',
  unavailableTitle: 'Noch nicht möglich',
  commentLabel: {
    default: 'Begründung',
    REQUEST_COMPLEMENTS: 'Nachricht an die meldende Person',
    GIVE_OPINION: 'Kommentar',
    FEATURE: 'Warum hervorheben',
  },
  commentHint: {
    REQUEST_COMPLEMENTS: 'Die meldende Person liest sie mit ihrer Meldung: Sagen Sie, was fehlt oder zu präzisieren ist.',
    GIVE_OPINION: 'Nur für den Ausschuss; die meldende Person sieht Stellungnahmen nie.',
    ACCEPT: 'Sie steht im Verlauf und wird der meldenden Person mitgeteilt.',
    REJECT: 'Sie steht im Verlauf und wird der meldenden Person mitgeteilt.',
    FEATURE: 'Relevanz, Originalität, Wirksamkeit…',
  },
  commentMax: (n) => `Höchstens ${n.toLocaleString('de-DE')} Zeichen.`,
  draftKept: 'Was Sie schreiben, bleibt bis zum Absenden in diesem Browser gespeichert.',
  draftUnavailable: 'Dieser Browser kann Ihren Text nicht speichern: Senden Sie ihn, bevor Sie die Seite verlassen.',
  opinionLegend: 'Ihre Stellungnahme',
  opinionReplaces: (opinion) => `Sie haben in dieser Runde bereits „${opinion}“ angegeben; die neue Stellungnahme ersetzt sie.`,
  intoLegend: 'Praxis, mit der diese zusammengeführt wird',
  intoSearch: 'Nach Referenz, Titel oder Einrichtung suchen',
  intoSearchHint: 'Zum Beispiel „PI-2026-000012“ oder ein Wort des Titels.',
  intoFound: (n) => (n === 0 ? 'Keine Praxis passt.' : `${n} ${n === 1 ? 'Praxis' : 'Praxen'} gefunden.`),
  intoLoading: 'Praxen werden geladen…',
  required: 'Pflichtfeld',
  optional: 'optional',
  confirmIntro: (label) => `Bestätigen Sie „${label}“?`,
  confirm: (label) => `Bestätigen: ${label}`,
  cancel: 'Abbrechen',
  sending: 'Wird gesendet…',
  sendFailed: 'Die Aktion wurde nicht gespeichert.',
  sendKept: 'Ihr Text bleibt in diesem Browser gespeichert: Versuchen Sie es gleich noch einmal, doppelt gespeichert wird nichts.',
  refused: 'Aktion abgelehnt:',
  done: (label, state) => `Aktion gespeichert: „${label}“. Die Praxis ist jetzt „${state}“.`,
  alreadyDone: (label, state) => `Ihre Aktion „${label}“ war beim vorigen Versuch bereits gespeichert worden; sie wurde kein zweites Mal gesendet. Die Praxis ist „${state}“.`,
  restored: (label) => `Ihr nicht gesendeter Text für „${label}“ wurde wiederhergestellt.`,
  conflictTitle: 'Diese Praxis hat sich geändert, während Sie sie gelesen haben',
  conflictVersions: (from, to) => `Sie hatten Version ${from}; dies ist Version ${to}.`,
  conflictState: (from, to) => `Zustand: „${from}“ → „${to}“.`,
  conflictSameState: (state) => `Der Zustand ist unverändert: „${state}“.`,
  conflictNothing: 'Kein neues Ereignis im Verlauf.',
  conflictAgain: 'Ihre Aktion wurde nicht gesendet; Ihr Text bleibt erhalten. Lesen Sie erneut und bestätigen Sie, falls sie noch zutrifft.',
  conflictGone: (label) => `„${label}“ ist in diesem neuen Zustand nicht mehr möglich; Ihr nicht gesendeter Text:`,
};

export const BOARD_STRINGS: Readonly<Record<Lang, BoardStrings>> = { fr, en, de };
