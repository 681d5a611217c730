// What the declaration form says, in French (default), English and German. Field labels come from the domain's catalogue.
import type { ReviewState } from '../../src/model.js';
import type { Lang } from '../../src/schema/messages.js';

export interface FormStrings {
  steps: [string, string, string, string, string];
  progress: (n: number, total: number) => string;
  requiredNote: string;
  next: string;
  previous: string;
  submit: string;
  retry: string;
  edit: string;
  conditionsIntro: string[];
  conditionsItems: string[];
  conditionsLegend: string;
  dateHint: string;
  maxChars: (n: number) => string;
  counter: (n: number, max: number) => string;
  counterNear: (left: number) => string;
  counterOver: (over: number) => string;
  otherPrecision: string;
  nationalNote: string;
  departmentSearch: string;
  departmentSearchHint: string;
  noDepartment: string;
  localityHint: string;
  selected: (n: number) => string;
  agreementHint: string;
  contactHint: string;
  errorSummary: (n: number) => string;
  draftSaved: (time: string) => string;
  draftUnavailable: string;
  resumeTitle: string;
  resumeText: (date: string, time: string) => string;
  resume: string;
  discard: string;
  recapIntro: string;
  notGiven: string;
  sending: string;
  sendFailed: string;
  sendKept: string;
  doneTitle: string;
  doneText: (reference: string) => string;
  doneNext: string;
  newDeclaration: string;
  notConfigured: string;
  yes: string;
  no: string;
  required: string;
  found: (n: number) => string;
  draftElsewhere: string;
  discardConfirm: string;
  discardYes: string;
  cancel: string;
  alreadyTitle: string;
  alreadyText: (reference: string) => string;
  // The follow-up link shown after sending.
  linkTitle: string;
  linkText: string;
  linkPrivate: string;
  copy: string;
  copied: string;
  copyFailed: string;
  // The follow-up page reached through that link.
  fuTitle: string;
  fuLoading: string;
  invalidTitle: string;
  invalidText: string;
  unavailableTitle: string;
  reload: string;
  reference: string;
  state: string;
  declaredOn: string;
  updatedOn: string;
  stateHelp: Readonly<Record<ReviewState, string>>;
  requestTitle: string;
  decisionTitle: string;
  history: string;
  you: string;
  /** Past-tense lines of the history, by event type. */
  events: Readonly<Record<string, string>>;
  nothingToDo: string;
  draftWaiting: (date: string, time: string) => string;
  resumeComplements: string;
  complementsIntro: string;
  backToFollowUp: string;
  sendComplements: string;
  complementsSent: string;
  complementsLanded: string;
  changedMeanwhile: string;
  complementsObsolete: (state: string) => string;
  withdrawText: string;
  withdrawConfirm: string;
  reason: string;
  withdrawYes: string;
  withdrawn: string;
  dataTitle: string;
  dataText: string;
  download: string;
  downloaded: (name: string) => string;
  erase: string;
  eraseConfirm: string;
  eraseYes: string;
  erased: (date: string) => string;
  erasedMeaning: string;
  actionFailed: string;
}

const fr: FormStrings = {
  steps: ['Informations préalables', 'Présentation de la pratique', 'Localisation', 'Contact et accord du département', 'Récapitulatif et envoi'],
  progress: (n, total) => `Étape ${n} sur ${total}`,
  requiredNote: 'Les champs marqués d’un astérisque sont obligatoires.',
  next: 'Suivant',
  previous: 'Précédent',
  submit: 'Envoyer la déclaration',
  retry: 'Réessayer l’envoi',
  edit: 'Modifier',
  conditionsIntro: [
    'Le formulaire suivant propose des entrées permettant de présenter des « pratiques inspirantes ». Il s’agit de faire connaître rapidement l’existence de pratiques départementales ou associatives de manière très synthétique. Ce recueil national s’articule avec d’autres initiatives.',
    'Les champs du formulaire permettent une saisie rapide (moins de 10 minutes) et sont limités aux éléments susceptibles de faire l’objet d’une auto-saisie fiable et harmonisée par l’ensemble des professionnels de terrain.',
  ],
  conditionsItems: [
    'Chaque auto-déclarant porte la responsabilité des informations qu’il délivre. Il certifie leurs exactitudes.',
    'Avant d’être mis en ligne et visible par tous, le recueil que vous ferez sera soumis à un comité de sélection.',
    'Le recueil de données nécessite également le recueil d’un accord préalable d’un représentant du département d’implantation de la pratique.',
  ],
  conditionsLegend: 'En cochant cette case, vous confirmez que vous avez lu et accepté les conditions ci-dessus.',
  dateHint: 'Format JJ/MM/AAAA, par exemple 21/12/2014.',
  maxChars: (n) => `${n} caractères max.`,
  counter: (n, max) => `${n} sur ${max} caractères max.`,
  counterNear: (left) => `Plus que ${left} caractère${left > 1 ? 's' : ''} disponible${left > 1 ? 's' : ''}.`,
  counterOver: (over) => `${over} caractère${over > 1 ? 's' : ''} de trop.`,
  otherPrecision: 'Précisez',
  nationalNote: 'Une action nationale ne se rattache à aucun territoire : vous pouvez passer à l’étape suivante.',
  departmentSearch: 'Rechercher un département',
  departmentSearchHint: 'Par nom ou par numéro, par exemple « Nord » ou « 59 ».',
  noDepartment: 'Aucun département ne correspond à cette recherche.',
  localityHint: 'La commune, le quartier ou l’établissement où l’action a lieu.',
  selected: (n) => `${n} sélectionné${n > 1 ? 's' : ''}`,
  agreementHint: 'Pour certains territoires, l’accord est donné par la Métropole de Lyon, la Collectivité de Corse, les collectivités territoriales de Martinique ou de Guyane, la Ville de Paris ou la Collectivité européenne d’Alsace.',
  contactHint: 'Ces coordonnées servent au comité de sélection pour vous joindre ; elles ne sont jamais publiées.',
  errorSummary: (n) => (n > 1 ? `${n} champs sont à corriger :` : 'Un champ est à corriger :'),
  draftSaved: (time) => `Brouillon enregistré à ${time}`,
  draftUnavailable: 'Le brouillon ne peut pas être enregistré sur cet appareil : gardez cette page ouverte jusqu’à l’envoi.',
  resumeTitle: 'Un brouillon vous attend',
  resumeText: (date, time) => `Vous avez commencé une déclaration le ${date} à ${time}. Voulez-vous la reprendre ?`,
  resume: 'Reprendre le brouillon',
  discard: 'Recommencer à zéro',
  recapIntro: 'Vérifiez votre déclaration avant de l’envoyer. Vous pouvez revenir à chaque étape.',
  notGiven: 'Non renseigné',
  sending: 'Envoi en cours…',
  sendFailed: 'L’envoi n’a pas abouti.',
  sendKept: 'Rien n’est perdu : votre déclaration est conservée sur cet appareil. Vous pouvez réessayer ; elle ne sera pas enregistrée deux fois.',
  doneTitle: 'Déclaration envoyée',
  doneText: (reference) => `Merci. Votre pratique est enregistrée sous la référence ${reference}.`,
  doneNext: 'Le comité de sélection va l’examiner ; il pourra vous demander des compléments avant sa publication.',
  newDeclaration: 'Déclarer une autre pratique',
  notConfigured: 'Ce formulaire n’est pas relié à un service d’enregistrement (attribut endpoint ou propriété store manquant).',
  yes: 'Oui',
  no: 'Non',
  required: 'obligatoire',
  found: (n) => (n === 0 ? 'Aucun département ne correspond à cette recherche.' : `${n} département${n > 1 ? 's' : ''} trouvé${n > 1 ? 's' : ''}.`),
  draftElsewhere: 'Ce brouillon vient d’être modifié dans un autre onglet : pour ne rien perdre, continuez dans un seul onglet.',
  discardConfirm: 'Effacer définitivement ce brouillon ? Ce que vous aviez saisi sera perdu.',
  discardYes: 'Oui, effacer le brouillon',
  cancel: 'Annuler',
  alreadyTitle: 'Déclaration déjà enregistrée',
  alreadyText: (reference) => `Une première version de votre déclaration est enregistrée sous la référence ${reference}. Les modifications faites après cet envoi n’ont pas été transmises : le comité de sélection pourra vous demander des compléments, et vous pourrez alors les apporter.`,
  linkTitle: 'Votre lien de suivi',
  linkText: 'Ce lien personnel vous permet de suivre l’examen, d’apporter les compléments que le comité demanderait, de retirer votre pratique et de gérer vos données.',
  linkPrivate: 'Gardez-le pour vous\u00a0: qui a ce lien peut agir sur votre déclaration. Il ne vous sera pas redonné\u00a0: enregistrez-le maintenant (favori, message à vous-même).',
  copy: 'Copier le lien',
  copied: 'Lien copié.',
  copyFailed: 'La copie n’a pas fonctionné\u00a0: sélectionnez le lien et copiez-le.',
  fuTitle: 'Suivi de votre déclaration',
  fuLoading: 'Chargement du suivi…',
  invalidTitle: 'Ce lien de suivi n’est pas valide',
  invalidText: 'Aucune déclaration ne correspond à ce lien. Vérifiez qu’il a été copié en entier, tel qu’il vous a été donné à l’envoi de votre déclaration. Si vous l’avez perdu, écrivez au site sur lequel vous avez déclaré votre pratique en indiquant sa référence (PI-…).',
  unavailableTitle: 'Le suivi ne peut pas être affiché pour le moment',
  reload: 'Réessayer',
  reference: 'Référence',
  state: 'État',
  declaredOn: 'Déclarée le',
  updatedOn: 'Dernière mise à jour',
  stateHelp: {
    draft: 'Votre déclaration n’est pas encore envoyée.',
    submitted: 'Votre déclaration est enregistrée\u00a0; le comité de sélection va l’examiner.',
    inReview: 'Le comité de sélection examine votre déclaration.',
    complementsRequested: 'Le comité attend vos compléments pour poursuivre l’examen.',
    accepted: 'Le comité a retenu votre pratique\u00a0; elle sera publiée dans la bibliothèque.',
    published: 'Votre pratique est publiée dans la bibliothèque des pratiques inspirantes.',
    rejected: 'Le comité n’a pas retenu votre pratique.',
    withdrawn: 'Vous avez retiré cette pratique\u00a0: elle ne sera ni examinée ni publiée.',
    merged: 'Le comité a rattaché votre déclaration à une autre pratique qui la décrit déjà.',
  },
  requestTitle: 'Le comité de sélection vous demande des compléments',
  decisionTitle: 'Message du comité de sélection',
  history: 'Historique',
  you: 'Vous',
  events: {
    SUBMIT: 'déclaration envoyée', IMPORT: 'déclaration importée', START_REVIEW: 'examen commencé',
    REQUEST_COMPLEMENTS: 'compléments demandés', PROVIDE_COMPLEMENTS: 'compléments apportés', ACCEPT: 'pratique retenue',
    REJECT: 'pratique non retenue', REOPEN: 'examen rouvert', MERGE: 'rattachée à une autre pratique', PUBLISH: 'publiée',
    UNPUBLISH: 'publication retirée', FEATURE: 'mise en valeur', UNFEATURE: 'mise en valeur retirée', WITHDRAW: 'pratique retirée',
  },
  nothingToDo: 'Aucune action n’est attendue de vous pour le moment.',
  draftWaiting: (date, time) => `Vous avez commencé vos compléments le ${date} à ${time}\u00a0; ils vous attendent.`,
  resumeComplements: 'Reprendre mes compléments',
  complementsIntro: 'Modifiez votre déclaration pour répondre au comité, puis envoyez-la depuis le récapitulatif. Vos modifications restent sur cet appareil jusqu’à l’envoi.',
  backToFollowUp: 'Revenir au suivi',
  sendComplements: 'Envoyer les compléments',
  complementsSent: 'Vos compléments sont envoyés\u00a0: le comité de sélection reprend l’examen.',
  complementsLanded: 'Vos compléments avaient bien été enregistrés (seule la réponse s’était perdue)\u00a0: le comité de sélection reprend l’examen.',
  changedMeanwhile: 'La pratique a été modifiée entre-temps\u00a0; voici son état actuel.',
  complementsObsolete: (state) => `Vos dernières modifications n’ont pas été envoyées\u00a0: la pratique n’attend plus de compléments (état\u00a0: ${state}).`,
  withdrawText: 'Si vous ne souhaitez plus que cette pratique soit examinée, vous pouvez la retirer.',
  withdrawConfirm: 'Retirer cette pratique\u00a0? Le comité ne l’examinera plus et elle ne sera pas publiée. Ce choix est définitif.',
  reason: 'Motif (facultatif)',
  withdrawYes: 'Oui, retirer la pratique',
  withdrawn: 'Votre pratique est retirée.',
  dataTitle: 'Vos données personnelles',
  dataText: 'Le comité de sélection utilise vos coordonnées pour vous joindre au sujet de cette déclaration\u00a0; elles ne sont jamais publiées.',
  download: 'Télécharger mes données',
  downloaded: (name) => `Le fichier ${name} est prêt.`,
  erase: 'Effacer mes coordonnées',
  eraseConfirm: 'Effacer votre nom, votre adresse électronique et votre téléphone de cette déclaration\u00a0? Le comité ne pourra plus vous contacter\u00a0; la pratique reste enregistrée. Ce choix est définitif.',
  eraseYes: 'Oui, effacer mes coordonnées',
  erased: (date) => `Vos coordonnées ont été effacées le ${date}.`,
  erasedMeaning: 'Le comité de sélection ne peut plus vous contacter\u00a0: ce lien est désormais le seul moyen de suivre votre déclaration. Si des compléments vous sont demandés, vous indiquerez de nouveau vos coordonnées en les envoyant.',
  actionFailed: 'L’action n’a pas abouti.',
};

const en: FormStrings = {
  steps: ['Before you start', 'The practice', 'Location', 'Contact and agreement of the département', 'Summary and sending'],
  progress: (n, total) => `Step ${n} of ${total}`,
  requiredNote: 'Fields marked with an asterisk are required.',
  next: 'Next',
  previous: 'Previous',
  submit: 'Send the declaration',
  retry: 'Try sending again',
  edit: 'Change',
  conditionsIntro: [
    'This form lets you present “inspiring practices” briefly, to make known practices of départements and associations. This national collection works alongside other initiatives.',
    'The fields allow a quick entry (under 10 minutes) and are limited to what professionals can reliably fill in themselves.',
  ],
  conditionsItems: [
    'Each declarant is responsible for the information given and certifies that it is accurate.',
    'Before being published, your declaration will be reviewed by a selection committee.',
    'The collection also requires the prior agreement of a representative of the département where the practice takes place.',
  ],
  conditionsLegend: 'By ticking this box, you confirm that you have read and accept the conditions above.',
  dateHint: 'Format DD/MM/YYYY, for example 21/12/2014.',
  maxChars: (n) => `${n} characters max.`,
  counter: (n, max) => `${n} of ${max} characters max.`,
  counterNear: (left) => `${left} character${left > 1 ? 's' : ''} left.`,
  counterOver: (over) => `${over} character${over > 1 ? 's' : ''} too many.`,
  otherPrecision: 'Please specify',
  nationalNote: 'A national action has no territory: you can go on to the next step.',
  departmentSearch: 'Search a département',
  departmentSearchHint: 'By name or number, for example “Nord” or “59”.',
  noDepartment: 'No département matches this search.',
  localityHint: 'The town, district or place where the action takes place.',
  selected: (n) => `${n} selected`,
  agreementHint: 'For some territories the agreement is given by the Métropole de Lyon, the Collectivité de Corse, the territorial collectivities of Martinique or Guyane, the Ville de Paris or the Collectivité européenne d’Alsace.',
  contactHint: 'The selection committee uses these details to reach you; they are never published.',
  errorSummary: (n) => (n > 1 ? `${n} fields need correcting:` : 'One field needs correcting:'),
  draftSaved: (time) => `Draft saved at ${time}`,
  draftUnavailable: 'The draft cannot be saved on this device: keep this page open until you send it.',
  resumeTitle: 'A draft is waiting',
  resumeText: (date, time) => `You started a declaration on ${date} at ${time}. Do you want to resume it?`,
  resume: 'Resume the draft',
  discard: 'Start again',
  recapIntro: 'Check your declaration before sending it. You can go back to each step.',
  notGiven: 'Not given',
  sending: 'Sending…',
  sendFailed: 'Sending did not succeed.',
  sendKept: 'Nothing is lost: your declaration is kept on this device. You can try again; it will not be recorded twice.',
  doneTitle: 'Declaration sent',
  doneText: (reference) => `Thank you. Your practice is recorded under the reference ${reference}.`,
  doneNext: 'The selection committee will review it and may ask you for complements before publication.',
  newDeclaration: 'Declare another practice',
  notConfigured: 'This form is not connected to a recording service (endpoint attribute or store property missing).',
  yes: 'Yes',
  no: 'No',
  required: 'required',
  found: (n) => (n === 0 ? 'No département matches this search.' : `${n} département${n > 1 ? 's' : ''} found.`),
  draftElsewhere: 'This draft was just changed in another tab: to lose nothing, go on in one tab only.',
  discardConfirm: 'Delete this draft for good? What you typed will be lost.',
  discardYes: 'Yes, delete the draft',
  cancel: 'Cancel',
  alreadyTitle: 'Declaration already recorded',
  alreadyText: (reference) => `A first version of your declaration is recorded under the reference ${reference}. The changes made after that sending were not transmitted: the selection committee may ask you for complements, and you can give them then.`,
  linkTitle: 'Your follow-up link',
  linkText: 'This personal link lets you follow the review, give complements if the committee asks for them, withdraw your practice and manage your data.',
  linkPrivate: 'Keep it to yourself: whoever has it can act on your declaration. It will not be given again: save it now (bookmark, message to yourself).',
  copy: 'Copy the link',
  copied: 'Link copied.',
  copyFailed: 'Copying did not work: select the link and copy it.',
  fuTitle: 'Follow-up of your declaration',
  fuLoading: 'Loading the follow-up…',
  invalidTitle: 'This follow-up link is not valid',
  invalidText: 'No declaration matches this link. Check that it was copied in full, as it was given when you sent your declaration. If you lost it, write to the site where you declared your practice, giving its reference (PI-…).',
  unavailableTitle: 'The follow-up cannot be shown right now',
  reload: 'Try again',
  reference: 'Reference',
  state: 'State',
  declaredOn: 'Declared on',
  updatedOn: 'Last updated',
  stateHelp: {
    draft: 'Your declaration has not been sent yet.',
    submitted: 'Your declaration is recorded; the selection committee will review it.',
    inReview: 'The selection committee is reviewing your declaration.',
    complementsRequested: 'The committee is waiting for your complements to go on with the review.',
    accepted: 'The committee accepted your practice; it will be published in the library.',
    published: 'Your practice is published in the library of inspiring practices.',
    rejected: 'The committee did not accept your practice.',
    withdrawn: 'You withdrew this practice: it will be neither reviewed nor published.',
    merged: 'The committee attached your declaration to another practice that already describes it.',
  },
  requestTitle: 'The selection committee asks you for complements',
  decisionTitle: 'Message from the selection committee',
  history: 'History',
  you: 'You',
  events: {
    SUBMIT: 'declaration sent', IMPORT: 'declaration imported', START_REVIEW: 'review started',
    REQUEST_COMPLEMENTS: 'complements requested', PROVIDE_COMPLEMENTS: 'complements given', ACCEPT: 'practice accepted',
    REJECT: 'practice rejected', REOPEN: 'review reopened', MERGE: 'attached to another practice', PUBLISH: 'published',
    UNPUBLISH: 'unpublished', FEATURE: 'featured', UNFEATURE: 'no longer featured', WITHDRAW: 'practice withdrawn',
  },
  nothingToDo: 'Nothing is expected from you for now.',
  draftWaiting: (date, time) => `You started your complements on ${date} at ${time}; they are waiting for you.`,
  resumeComplements: 'Resume my complements',
  complementsIntro: 'Change your declaration to answer the committee, then send it from the summary. Your changes stay on this device until they are sent.',
  backToFollowUp: 'Back to the follow-up',
  sendComplements: 'Send the complements',
  complementsSent: 'Your complements are sent: the selection committee resumes the review.',
  complementsLanded: 'Your complements had been recorded (only the answer was lost): the selection committee resumes the review.',
  changedMeanwhile: 'The practice was changed in the meantime; here is its current state.',
  complementsObsolete: (state) => `Your latest changes were not sent: the practice no longer awaits complements (state: ${state}).`,
  withdrawText: 'If you no longer want this practice to be reviewed, you can withdraw it.',
  withdrawConfirm: 'Withdraw this practice? The committee will no longer review it and it will not be published. This cannot be undone.',
  reason: 'Reason (optional)',
  withdrawYes: 'Yes, withdraw the practice',
  withdrawn: 'Your practice is withdrawn.',
  dataTitle: 'Your personal data',
  dataText: 'The selection committee uses your contact details to reach you about this declaration; they are never published.',
  download: 'Download my data',
  downloaded: (name) => `The file ${name} is ready.`,
  erase: 'Erase my contact details',
  eraseConfirm: 'Erase your name, email address and phone from this declaration? The committee will no longer be able to contact you; the practice stays recorded. This cannot be undone.',
  eraseYes: 'Yes, erase my contact details',
  erased: (date) => `Your contact details were erased on ${date}.`,
  erasedMeaning: 'The selection committee can no longer contact you: this link is now the only way to follow your declaration. If complements are requested, you will give your contact details again when you send them.',
  actionFailed: 'The action did not succeed.',
};

const de: FormStrings = {
  steps: ['Vorab-Informationen', 'Vorstellung der Praxis', 'Ort', 'Kontakt und Zustimmung des Départements', 'Zusammenfassung und Versand'],
  progress: (n, total) => `Schritt ${n} von ${total}`,
  requiredNote: 'Mit einem Sternchen markierte Felder sind Pflichtfelder.',
  next: 'Weiter',
  previous: 'Zurück',
  submit: 'Meldung absenden',
  retry: 'Erneut senden',
  edit: 'Ändern',
  conditionsIntro: [
    'Mit diesem Formular stellen Sie „inspirierende Praktiken“ kurz vor, um Praktiken von Départements und Vereinen bekannt zu machen. Diese nationale Sammlung ergänzt andere Initiativen.',
    'Die Felder ermöglichen eine schnelle Eingabe (unter 10 Minuten) und beschränken sich auf das, was Fachkräfte zuverlässig selbst angeben können.',
  ],
  conditionsItems: [
    'Jede meldende Person ist für ihre Angaben verantwortlich und bestätigt deren Richtigkeit.',
    'Vor der Veröffentlichung wird Ihre Meldung von einem Auswahlausschuss geprüft.',
    'Die Sammlung erfordert außerdem die vorherige Zustimmung eines Vertreters des Départements, in dem die Praxis umgesetzt wird.',
  ],
  conditionsLegend: 'Mit diesem Häkchen bestätigen Sie, dass Sie die obigen Bedingungen gelesen haben und akzeptieren.',
  dateHint: 'Format TT/MM/JJJJ, zum Beispiel 21/12/2014.',
  maxChars: (n) => `höchstens ${n} Zeichen.`,
  counter: (n, max) => `${n} von höchstens ${max} Zeichen.`,
  counterNear: (left) => `Noch ${left} Zeichen verfügbar.`,
  counterOver: (over) => `${over} Zeichen zu viel.`,
  otherPrecision: 'Bitte präzisieren',
  nationalNote: 'Eine nationale Maßnahme hat kein Gebiet: Sie können zum nächsten Schritt gehen.',
  departmentSearch: 'Département suchen',
  departmentSearchHint: 'Nach Name oder Nummer, zum Beispiel „Nord“ oder „59“.',
  noDepartment: 'Kein Département entspricht dieser Suche.',
  localityHint: 'Gemeinde, Viertel oder Einrichtung, in der die Maßnahme stattfindet.',
  selected: (n) => `${n} ausgewählt`,
  agreementHint: 'Für einige Gebiete erteilen die Métropole de Lyon, die Collectivité de Corse, die Gebietskörperschaften von Martinique oder Guyane, die Ville de Paris oder die Collectivité européenne d’Alsace die Zustimmung.',
  contactHint: 'Der Auswahlausschuss nutzt diese Angaben, um Sie zu erreichen; sie werden nie veröffentlicht.',
  errorSummary: (n) => (n > 1 ? `${n} Felder sind zu korrigieren:` : 'Ein Feld ist zu korrigieren:'),
  draftSaved: (time) => `Entwurf gespeichert um ${time}`,
  draftUnavailable: 'Der Entwurf kann auf diesem Gerät nicht gespeichert werden: Lassen Sie diese Seite bis zum Absenden geöffnet.',
  resumeTitle: 'Ein Entwurf wartet',
  resumeText: (date, time) => `Sie haben am ${date} um ${time} eine Meldung begonnen. Möchten Sie sie fortsetzen?`,
  resume: 'Entwurf fortsetzen',
  discard: 'Neu beginnen',
  recapIntro: 'Prüfen Sie Ihre Meldung vor dem Absenden. Sie können zu jedem Schritt zurückkehren.',
  notGiven: 'Keine Angabe',
  sending: 'Wird gesendet…',
  sendFailed: 'Der Versand ist fehlgeschlagen.',
  sendKept: 'Nichts geht verloren: Ihre Meldung bleibt auf diesem Gerät gespeichert. Sie können es erneut versuchen; sie wird nicht doppelt erfasst.',
  doneTitle: 'Meldung gesendet',
  doneText: (reference) => `Vielen Dank. Ihre Praxis ist unter dem Aktenzeichen ${reference} erfasst.`,
  doneNext: 'Der Auswahlausschuss prüft sie und kann vor der Veröffentlichung Ergänzungen anfordern.',
  newDeclaration: 'Eine weitere Praxis melden',
  notConfigured: 'Dieses Formular ist mit keinem Speicherdienst verbunden (Attribut endpoint oder Eigenschaft store fehlt).',
  yes: 'Ja',
  no: 'Nein',
  required: 'Pflichtfeld',
  found: (n) => (n === 0 ? 'Kein Département entspricht dieser Suche.' : `${n} Département${n > 1 ? 's' : ''} gefunden.`),
  draftElsewhere: 'Dieser Entwurf wurde gerade in einem anderen Tab geändert: Arbeiten Sie in nur einem Tab weiter, um nichts zu verlieren.',
  discardConfirm: 'Diesen Entwurf endgültig löschen? Ihre Eingaben gehen verloren.',
  discardYes: 'Ja, Entwurf löschen',
  cancel: 'Abbrechen',
  alreadyTitle: 'Meldung bereits erfasst',
  alreadyText: (reference) => `Eine erste Fassung Ihrer Meldung ist unter dem Aktenzeichen ${reference} erfasst. Die danach vorgenommenen Änderungen wurden nicht übermittelt: Der Auswahlausschuss kann Ergänzungen anfordern, die Sie dann liefern können.`,
  linkTitle: 'Ihr Link zur Nachverfolgung',
  linkText: 'Mit diesem persönlichen Link verfolgen Sie die Prüfung, liefern vom Ausschuss angeforderte Ergänzungen, ziehen Ihre Praxis zurück und verwalten Ihre Daten.',
  linkPrivate: 'Behalten Sie ihn für sich: Wer ihn hat, kann auf Ihre Meldung einwirken. Er wird nicht erneut ausgegeben: Speichern Sie ihn jetzt (Lesezeichen, Nachricht an sich selbst).',
  copy: 'Link kopieren',
  copied: 'Link kopiert.',
  copyFailed: 'Das Kopieren hat nicht funktioniert: Markieren und kopieren Sie den Link.',
  fuTitle: 'Stand Ihrer Meldung',
  fuLoading: 'Stand wird geladen…',
  invalidTitle: 'Dieser Link ist ungültig',
  invalidText: 'Keine Meldung entspricht diesem Link. Prüfen Sie, ob er vollständig kopiert wurde, so wie er beim Absenden Ihrer Meldung angegeben wurde. Falls Sie ihn verloren haben, schreiben Sie der Website, auf der Sie Ihre Praxis gemeldet haben, unter Angabe des Aktenzeichens (PI-…).',
  unavailableTitle: 'Der Stand kann gerade nicht angezeigt werden',
  reload: 'Erneut versuchen',
  reference: 'Aktenzeichen',
  state: 'Status',
  declaredOn: 'Gemeldet am',
  updatedOn: 'Zuletzt geändert',
  stateHelp: {
    draft: 'Ihre Meldung ist noch nicht abgesendet.',
    submitted: 'Ihre Meldung ist erfasst; der Auswahlausschuss wird sie prüfen.',
    inReview: 'Der Auswahlausschuss prüft Ihre Meldung.',
    complementsRequested: 'Der Ausschuss wartet auf Ihre Ergänzungen, um die Prüfung fortzusetzen.',
    accepted: 'Der Ausschuss hat Ihre Praxis angenommen; sie wird in der Bibliothek veröffentlicht.',
    published: 'Ihre Praxis ist in der Bibliothek der inspirierenden Praktiken veröffentlicht.',
    rejected: 'Der Ausschuss hat Ihre Praxis nicht angenommen.',
    withdrawn: 'Sie haben diese Praxis zurückgezogen: Sie wird weder geprüft noch veröffentlicht.',
    merged: 'Der Ausschuss hat Ihre Meldung einer anderen Praxis zugeordnet, die sie bereits beschreibt.',
  },
  requestTitle: 'Der Auswahlausschuss bittet Sie um Ergänzungen',
  decisionTitle: 'Nachricht des Auswahlausschusses',
  history: 'Verlauf',
  you: 'Sie',
  events: {
    SUBMIT: 'Meldung gesendet', IMPORT: 'Meldung importiert', START_REVIEW: 'Prüfung begonnen',
    REQUEST_COMPLEMENTS: 'Ergänzungen angefordert', PROVIDE_COMPLEMENTS: 'Ergänzungen geliefert', ACCEPT: 'Praxis angenommen',
    REJECT: 'Praxis abgelehnt', REOPEN: 'Prüfung wieder eröffnet', MERGE: 'einer anderen Praxis zugeordnet', PUBLISH: 'veröffentlicht',
    UNPUBLISH: 'Veröffentlichung zurückgenommen', FEATURE: 'hervorgehoben', UNFEATURE: 'Hervorhebung aufgehoben', WITHDRAW: 'Praxis zurückgezogen',
  },
  nothingToDo: 'Derzeit wird nichts von Ihnen erwartet.',
  draftWaiting: (date, time) => `Sie haben Ihre Ergänzungen am ${date} um ${time} begonnen; sie warten auf Sie.`,
  resumeComplements: 'Ergänzungen fortsetzen',
  complementsIntro: 'Ändern Sie Ihre Meldung, um dem Ausschuss zu antworten, und senden Sie sie von der Zusammenfassung aus. Ihre Änderungen bleiben bis zum Absenden auf diesem Gerät.',
  backToFollowUp: 'Zurück zum Stand',
  sendComplements: 'Ergänzungen senden',
  complementsSent: 'Ihre Ergänzungen sind gesendet: Der Auswahlausschuss setzt die Prüfung fort.',
  complementsLanded: 'Ihre Ergänzungen waren bereits erfasst (nur die Antwort ging verloren): Der Auswahlausschuss setzt die Prüfung fort.',
  changedMeanwhile: 'Die Praxis wurde inzwischen geändert; hier ist ihr aktueller Stand.',
  complementsObsolete: (state) => `Ihre letzten Änderungen wurden nicht gesendet: Die Praxis erwartet keine Ergänzungen mehr (Status: ${state}).`,
  withdrawText: 'Wenn diese Praxis nicht mehr geprüft werden soll, können Sie sie zurückziehen.',
  withdrawConfirm: 'Diese Praxis zurückziehen? Der Ausschuss prüft sie nicht mehr und sie wird nicht veröffentlicht. Dies ist endgültig.',
  reason: 'Grund (freiwillig)',
  withdrawYes: 'Ja, Praxis zurückziehen',
  withdrawn: 'Ihre Praxis ist zurückgezogen.',
  dataTitle: 'Ihre personenbezogenen Daten',
  dataText: 'Der Auswahlausschuss nutzt Ihre Kontaktdaten, um Sie zu dieser Meldung zu erreichen; sie werden nie veröffentlicht.',
  download: 'Meine Daten herunterladen',
  downloaded: (name) => `Die Datei ${name} ist bereit.`,
  erase: 'Meine Kontaktdaten löschen',
  eraseConfirm: 'Ihren Namen, Ihre E-Mail-Adresse und Telefonnummer aus dieser Meldung löschen? Der Ausschuss kann Sie dann nicht mehr erreichen; die Praxis bleibt erfasst. Dies ist endgültig.',
  eraseYes: 'Ja, Kontaktdaten löschen',
  erased: (date) => `Ihre Kontaktdaten wurden am ${date} gelöscht.`,
  erasedMeaning: 'Der Auswahlausschuss kann Sie nicht mehr erreichen: Dieser Link ist nun der einzige Weg, Ihre Meldung zu verfolgen. Werden Ergänzungen angefordert, geben Sie beim Senden Ihre Kontaktdaten erneut an.',
  actionFailed: 'Die Aktion ist fehlgeschlagen.',
};

export const FORM_STRINGS: Readonly<Record<Lang, FormStrings>> = { fr, en, de };
