// What the declarant's follow-up page says, in French (default), English and German: loaded with that page's
// own code, never by a page that only declares. The loading and "unavailable" states are in strings.ts.
import type { ReviewState } from '../../src/model.js';
import type { Lang } from '../../src/schema/messages.js';

export interface FollowUpStrings {
  invalidTitle: string;
  invalidText: string;
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

const fr: FollowUpStrings = {
  invalidTitle: 'Ce lien de suivi n’est pas valide',
  invalidText: 'Aucune déclaration ne correspond à ce lien. Vérifiez qu’il a été copié en entier, tel qu’il vous a été donné à l’envoi de votre déclaration. Si vous l’avez perdu, écrivez au site sur lequel vous avez déclaré votre pratique en indiquant sa référence (PI-…).',
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

const en: FollowUpStrings = {
  invalidTitle: 'This follow-up link is not valid',
  invalidText: 'No declaration matches this link. Check that it was copied in full, as it was given when you sent your declaration. If you lost it, write to the site where you declared your practice, giving its reference (PI-…).',
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

const de: FollowUpStrings = {
  invalidTitle: 'Dieser Link ist ungültig',
  invalidText: 'Keine Meldung entspricht diesem Link. Prüfen Sie, ob er vollständig kopiert wurde, so wie er beim Absenden Ihrer Meldung angegeben wurde. Falls Sie ihn verloren haben, schreiben Sie der Website, auf der Sie Ihre Praxis gemeldet haben, unter Angabe des Aktenzeichens (PI-…).',
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

export const FOLLOW_UP_STRINGS: Readonly<Record<Lang, FollowUpStrings>> = { fr, en, de };
