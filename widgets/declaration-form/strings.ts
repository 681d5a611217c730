// What the declaration form says, in French (default), English and German. Field labels come from the domain's catalogue;
// the follow-up page's texts are in follow-up-strings.ts, loaded with that page's code.
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
  draftGoneElsewhere: string;
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
  // The follow-up page reached through that link, while its own code (and its texts, follow-up-strings.ts) and the practice load.
  fuTitle: string;
  fuLoading: string;
  /** When the follow-up page's own code could not be fetched (it is loaded only on that page). */
  fuCodeFailed: string;
  unavailableTitle: string;
  reload: string;
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
  draftElsewhere: 'Ce brouillon vient d’être modifié dans un autre onglet. Le dernier onglet qui enregistre l’emporte : continuez dans un seul onglet (rechargez celui-ci pour y reprendre la version de l’autre).',
  draftGoneElsewhere: 'Ce brouillon vient d’être envoyé ou effacé dans un autre onglet. Ce que vous voyez reste dans cette page ; un envoi d’ici ne créera pas de seconde déclaration si l’autre onglet l’a déjà envoyée.',
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
  fuCodeFailed: 'La page de suivi n’a pas pu être chargée\u00a0: vérifiez votre connexion, puis réessayez.',
  unavailableTitle: 'Le suivi ne peut pas être affiché pour le moment',
  reload: 'Réessayer',
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
  draftElsewhere: 'This draft was just changed in another tab. The last tab to save wins: go on in one tab only (reload this one to take up the other tab’s version).',
  draftGoneElsewhere: 'This draft was just sent or deleted in another tab. What you see stays in this page; sending from here will not create a second declaration if the other tab already sent it.',
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
  fuCodeFailed: 'The follow-up page could not be loaded: check your connection, then try again.',
  unavailableTitle: 'The follow-up cannot be shown right now',
  reload: 'Try again',
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
  draftElsewhere: 'Dieser Entwurf wurde gerade in einem anderen Tab geändert. Der Tab, der zuletzt speichert, gilt: Arbeiten Sie in nur einem Tab weiter (laden Sie diesen neu, um die Fassung des anderen zu übernehmen).',
  draftGoneElsewhere: 'Dieser Entwurf wurde gerade in einem anderen Tab gesendet oder gelöscht. Was Sie sehen, bleibt auf dieser Seite; ein Senden von hier erzeugt keine zweite Erklärung, falls der andere Tab sie schon gesendet hat.',
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
  fuCodeFailed: 'Die Seite zur Nachverfolgung konnte nicht geladen werden: Prüfen Sie Ihre Verbindung und versuchen Sie es erneut.',
  unavailableTitle: 'Der Stand kann gerade nicht angezeigt werden',
  reload: 'Erneut versuchen',
};

export const FORM_STRINGS: Readonly<Record<Lang, FormStrings>> = { fr, en, de };
