import { MAX_POSTPONE_DAYS } from '../../orders/postpone-installment.js';
import { RETURN_WINDOW_DAYS } from '../../refunds/register-return.js';
import type { Language } from '../language/detect-language.js';

export type DeclineCode =
  | 'insufficient_funds'
  | 'do_not_honor'
  | 'processing_error'
  | 'card_expired'
  | 'payment_method_removed'
  | 'payment_method_expired'
  | 'other';
export type PostponeRefusal =
  | 'already_postponed'
  | 'not_scheduled'
  | 'account_not_active'
  | 'plan_not_active'
  | 'nothing_due';
export type CloseRefusal = 'locked' | 'dispute' | 'closed';

interface Pay {
  merchant: string;
  amount: string;
}

/**
 * What the assistant says around actions that move money or change a plan, per language.
 * Rules with numbers (14 days, 30 days) come from the use cases' own constants.
 */
export interface ActionCopy {
  cancelled: string;
  failed: string;
  offerPerson: string;
  okay: string;
  payConfirm(p: Pay & { date: string; method: string | null }): string;
  payDone(p: Pay): string;
  payOffConfirm(p: Pay & { method: string | null }): string;
  payOffDone(p: Pay): string;
  declined(reason: string): string;
  declineReason: Record<DeclineCode, string>;
  paused: string;
  postponeRules: string;
  postponeConfirm(p: Pay & { from: string; to: string }): string;
  postponeDone(p: { merchant: string; to: string }): string;
  postponeRefused: Record<PostponeRefusal, string>;
  postponeTooFar(latest: string): string;
  /** Said when a person from the team waives a late fee (the agent console). */
  lateFeeWaived(p: Pay): string;
  methodsIntro: string;
  methodConfirm(method: string): string;
  methodDone(method: string): string;
  methodAlready(method: string): string;
  methodAddInApp: string;
  cardNumberWarning: string;
  returnChooseItem: string;
  returnConfirm(p: { merchant: string; item: string | null }): string;
  returnDone(merchant: string): string;
  returnNone: string;
  closeConfirm: string;
  closeDone: string;
  closeBalance(amount: string): string;
  closeRefused: Record<CloseRefusal, string>;
  declinedPayment(p: Pay & { date: string; reason: string }): string;
  declinedPaidSince: string;
  declinedNone: string;
  declinedLocked: string;
  declinedOverdue: string;
  declinedNoMethod: string;
  declinedExpired(method: string): string;
}

const D = MAX_POSTPONE_DAYS;
const R = RETURN_WINDOW_DAYS;

export const ACTION_REPLIES: Readonly<Record<Language, ActionCopy>> = {
  en: {
    cancelled: "OK, I haven't done anything. Anything else I can help with?",
    failed: "I couldn't complete that here, so nothing was changed.",
    offerPerson: 'Would you like me to bring in a person?',
    okay: 'OK. Anything else I can help with?',
    payConfirm: (p) =>
      `Do you want me to pay ${p.amount} now for your ${p.merchant} installment due ${p.date}${p.method ? `, from your ${p.method}` : ''}? Please answer yes or no.`,
    payDone: (p) => `Done: ${p.amount} was paid for your ${p.merchant} purchase.`,
    payOffConfirm: (p) =>
      `Paying off your ${p.merchant} plan now takes ${p.amount}, everything still owed on it. Shall I charge it${p.method ? ` to your ${p.method}` : ''}? Please answer yes or no.`,
    payOffDone: (p) => `Done: ${p.amount} was charged and your ${p.merchant} plan is paid off.`,
    declined: (reason) => `The payment was declined: ${reason}. Nothing was charged.`,
    declineReason: {
      insufficient_funds: 'there was not enough money on the card',
      do_not_honor: 'your bank refused it without giving a reason (your bank can tell you why)',
      processing_error: 'a temporary error at the card network',
      card_expired: 'the card has expired',
      payment_method_removed: 'the card has been removed from your account',
      payment_method_expired: 'the card has expired',
      other: 'the card issuer declined it',
    },
    paused:
      'Payments on that purchase are paused while its dispute is open, so nothing is due until it is resolved.',
    postponeRules: `A plan can be postponed once, by up to ${D} days, and only its next installment before it is due.`,
    postponeConfirm: (p) =>
      `I can move your ${p.merchant} installment of ${p.amount} from ${p.from} to ${p.to}. This can be done only once for this purchase. Shall I? Please answer yes or no.`,
    postponeDone: (p) => `Done: your ${p.merchant} installment is now due ${p.to}.`,
    lateFeeWaived: (p) =>
      `Done: the late fee of ${p.amount} on your ${p.merchant} installment has been waived.`,
    postponeRefused: {
      already_postponed: 'This plan has already been postponed once, so its due dates cannot be moved again.',
      not_scheduled: 'This installment is already due or late, so it cannot be postponed any more.',
      account_not_active: 'Postponing is not available while your account is locked or closed.',
      plan_not_active: 'Only a plan that is running normally can be postponed.',
      nothing_due: 'You have no upcoming installment to postpone.',
    },
    postponeTooFar: (latest) => `That is further than allowed: the latest date is ${latest}.`,
    methodsIntro: 'Your saved payment methods:',
    methodConfirm: (m) =>
      `Shall I charge all your remaining payments to your ${m} from now on? Please answer yes or no.`,
    methodDone: (m) => `Done: your remaining payments will be charged to your ${m}.`,
    methodAlready: (m) => `Your payments are already charged to your ${m}.`,
    methodAddInApp:
      'To add a new card, open Payment methods in the Tandem app: card details are entered there securely, never in this chat.',
    cardNumberWarning:
      "Please don't type card numbers in the chat: I have not stored it, and it was removed from this conversation.",
    returnChooseItem: 'Which item are you sending back? Answer with the number:',
    returnConfirm: (p) =>
      `Shall I register a return of ${p.item ? `the ${p.item}` : 'your purchase'} from ${p.merchant}? Please answer yes or no.`,
    returnDone: (m) =>
      `Done: your return to ${m} is registered. Send the item back to the store; your refund follows once they have received it.`,
    returnNone: `I can't find a purchase that can still be returned here: a return must be registered within ${R} days of purchase, one at a time per order.`,
    closeConfirm:
      'Do you want me to close your Tandem account? This cannot be undone, and your saved payment methods will be removed. Please answer yes or no.',
    closeDone: 'Your Tandem account is now closed. Thank you for having been with us.',
    closeBalance: (a) =>
      `Your account can't be closed while ${a} is still outstanding. Once that is paid, I can close it for you.`,
    closeRefused: {
      locked: 'Your account is locked for review, so only our team can close it.',
      dispute: 'Your account cannot be closed while a dispute is open; it must be resolved first.',
      closed: 'Your account is already closed.',
    },
    declinedPayment: (p) =>
      `Your payment of ${p.amount} for ${p.merchant} on ${p.date} was declined: ${p.reason}.`,
    declinedPaidSince: 'It has been paid since.',
    declinedNone: "I can't find a declined payment on your account.",
    declinedLocked:
      'Your account is locked for review, so new purchases are declined until our team has checked it.',
    declinedOverdue: 'You have an overdue payment: new purchases are declined until it is paid.',
    declinedNoMethod:
      'There is no working payment method on your account; you can add one in the Tandem app.',
    declinedExpired: (m) => `Your ${m} has expired.`,
  },
  sv: {
    cancelled: 'Okej, jag har inte gjort något. Något annat jag kan hjälpa till med?',
    failed: 'Jag kunde inte slutföra det här, så ingenting har ändrats.',
    offerPerson: 'Vill du att jag kopplar in en person?',
    okay: 'Okej. Något annat jag kan hjälpa till med?',
    payConfirm: (p) =>
      `Vill du att jag betalar ${p.amount} nu för din delbetalning hos ${p.merchant} som förfaller ${p.date}${p.method ? `, med ditt ${p.method}` : ''}? Svara ja eller nej.`,
    payDone: (p) => `Klart: ${p.amount} är betalt för ditt köp hos ${p.merchant}.`,
    payOffConfirm: (p) =>
      `Att lösa din plan hos ${p.merchant} nu kostar ${p.amount}, allt som återstår. Ska jag dra beloppet${p.method ? ` från ditt ${p.method}` : ''}? Svara ja eller nej.`,
    payOffDone: (p) => `Klart: ${p.amount} är draget och din plan hos ${p.merchant} är slutbetald.`,
    declined: (reason) => `Betalningen nekades: ${reason}. Ingenting drogs.`,
    declineReason: {
      insufficient_funds: 'det fanns inte tillräckligt med pengar på kortet',
      do_not_honor: 'din bank nekade utan att ange orsak (banken kan berätta varför)',
      processing_error: 'ett tillfälligt fel hos kortnätverket',
      card_expired: 'kortet har gått ut',
      payment_method_removed: 'kortet är borttaget från ditt konto',
      payment_method_expired: 'kortet har gått ut',
      other: 'kortutgivaren nekade',
    },
    paused:
      'Betalningarna för det köpet är pausade medan reklamationen utreds, så ingenting ska betalas förrän den är löst.',
    postponeRules: `En plan kan skjutas upp en gång, med högst ${D} dagar, och bara nästa delbetalning innan den förfaller.`,
    postponeConfirm: (p) =>
      `Jag kan flytta din delbetalning på ${p.amount} hos ${p.merchant} från ${p.from} till ${p.to}. Det går bara en gång för det här köpet. Ska jag göra det? Svara ja eller nej.`,
    postponeDone: (p) => `Klart: din delbetalning hos ${p.merchant} förfaller nu ${p.to}.`,
    lateFeeWaived: (p) =>
      `Klart: förseningsavgiften på ${p.amount} för din delbetalning hos ${p.merchant} är efterskänkt.`,
    postponeRefused: {
      already_postponed: 'Den här planen har redan skjutits upp en gång, så datumen kan inte flyttas igen.',
      not_scheduled: 'Delbetalningen har redan förfallit, så den kan inte skjutas upp längre.',
      account_not_active: 'Det går inte att skjuta upp betalningar medan kontot är låst eller avslutat.',
      plan_not_active: 'Bara en plan som löper som vanligt kan skjutas upp.',
      nothing_due: 'Du har ingen kommande delbetalning att skjuta upp.',
    },
    postponeTooFar: (latest) => `Det är längre än tillåtet: senaste möjliga datum är ${latest}.`,
    methodsIntro: 'Dina sparade betalsätt:',
    methodConfirm: (m) =>
      `Ska jag dra alla dina återstående betalningar från ditt ${m} framöver? Svara ja eller nej.`,
    methodDone: (m) => `Klart: dina återstående betalningar dras från ditt ${m}.`,
    methodAlready: (m) => `Dina betalningar dras redan från ditt ${m}.`,
    methodAddInApp:
      'För att lägga till ett nytt kort, öppna Betalsätt i Tandem-appen: kortuppgifterna anges säkert där, aldrig i chatten.',
    cardNumberWarning:
      'Skriv inte kortnummer i chatten: jag har inte sparat det, och det är borttaget ur konversationen.',
    returnChooseItem: 'Vilken vara skickar du tillbaka? Svara med numret:',
    returnConfirm: (p) =>
      `Ska jag registrera en retur av ${p.item ?? 'ditt köp'} från ${p.merchant}? Svara ja eller nej.`,
    returnDone: (m) =>
      `Klart: din retur till ${m} är registrerad. Skicka tillbaka varan till butiken; återbetalningen kommer när de har tagit emot den.`,
    returnNone: `Jag hittar inget köp som fortfarande kan returneras här: en retur måste registreras inom ${R} dagar från köpet, en i taget per order.`,
    closeConfirm:
      'Vill du att jag avslutar ditt Tandem-konto? Det går inte att ångra, och dina sparade betalsätt tas bort. Svara ja eller nej.',
    closeDone: 'Ditt Tandem-konto är nu avslutat. Tack för att du har varit kund hos oss.',
    closeBalance: (a) =>
      `Kontot kan inte avslutas medan ${a} återstår att betala. När det är betalt kan jag avsluta det åt dig.`,
    closeRefused: {
      locked: 'Ditt konto är låst för granskning, så bara vårt team kan avsluta det.',
      dispute: 'Kontot kan inte avslutas medan en reklamation pågår; den måste lösas först.',
      closed: 'Ditt konto är redan avslutat.',
    },
    declinedPayment: (p) =>
      `Din betalning på ${p.amount} för ${p.merchant} den ${p.date} nekades: ${p.reason}.`,
    declinedPaidSince: 'Den har betalats sedan dess.',
    declinedNone: 'Jag hittar ingen nekad betalning på ditt konto.',
    declinedLocked:
      'Ditt konto är låst för granskning, så nya köp nekas tills vårt team har kontrollerat det.',
    declinedOverdue: 'Du har en försenad betalning: nya köp nekas tills den är betald.',
    declinedNoMethod:
      'Det finns inget fungerande betalsätt på ditt konto; du kan lägga till ett i Tandem-appen.',
    declinedExpired: (m) => `Ditt ${m} har gått ut.`,
  },
  de: {
    cancelled: 'In Ordnung, ich habe nichts gemacht. Kann ich sonst helfen?',
    failed: 'Ich konnte das hier nicht abschließen, es wurde nichts geändert.',
    offerPerson: 'Soll ich eine Person dazuholen?',
    okay: 'In Ordnung. Kann ich sonst noch helfen?',
    payConfirm: (p) =>
      `Soll ich jetzt ${p.amount} für Ihre Rate bei ${p.merchant}, fällig am ${p.date}, bezahlen${p.method ? `, mit Ihrer ${p.method}` : ''}? Bitte antworten Sie mit Ja oder Nein.`,
    payDone: (p) => `Erledigt: ${p.amount} wurden für Ihren Einkauf bei ${p.merchant} bezahlt.`,
    payOffConfirm: (p) =>
      `Ihren Plan bei ${p.merchant} jetzt abzulösen kostet ${p.amount}, alles, was noch offen ist. Soll ich den Betrag${p.method ? ` von Ihrer ${p.method}` : ''} abbuchen? Bitte antworten Sie mit Ja oder Nein.`,
    payOffDone: (p) => `Erledigt: ${p.amount} wurden abgebucht, Ihr Plan bei ${p.merchant} ist abbezahlt.`,
    declined: (reason) => `Die Zahlung wurde abgelehnt: ${reason}. Es wurde nichts abgebucht.`,
    declineReason: {
      insufficient_funds: 'die Karte war nicht ausreichend gedeckt',
      do_not_honor: 'Ihre Bank hat ohne Angabe von Gründen abgelehnt (Ihre Bank kann Ihnen sagen, warum)',
      processing_error: 'ein vorübergehender Fehler im Kartennetz',
      card_expired: 'die Karte ist abgelaufen',
      payment_method_removed: 'die Karte wurde aus Ihrem Konto entfernt',
      payment_method_expired: 'die Karte ist abgelaufen',
      other: 'der Kartenherausgeber hat abgelehnt',
    },
    paused:
      'Die Zahlungen für diesen Einkauf sind während der Reklamation pausiert, bis dahin ist nichts fällig.',
    postponeRules: `Ein Plan kann einmal verschoben werden, um höchstens ${D} Tage, und nur seine nächste Rate, bevor sie fällig ist.`,
    postponeConfirm: (p) =>
      `Ich kann Ihre Rate von ${p.amount} bei ${p.merchant} vom ${p.from} auf den ${p.to} verschieben. Das geht für diesen Einkauf nur einmal. Soll ich? Bitte antworten Sie mit Ja oder Nein.`,
    postponeDone: (p) => `Erledigt: Ihre Rate bei ${p.merchant} ist jetzt am ${p.to} fällig.`,
    lateFeeWaived: (p) =>
      `Erledigt: Die Mahngebühr von ${p.amount} für Ihre Rate bei ${p.merchant} wurde erlassen.`,
    postponeRefused: {
      already_postponed:
        'Dieser Plan wurde bereits einmal verschoben, die Termine können nicht noch einmal geändert werden.',
      not_scheduled: 'Diese Rate ist bereits fällig oder überfällig und kann nicht mehr verschoben werden.',
      account_not_active: 'Verschieben ist nicht möglich, solange Ihr Konto gesperrt oder geschlossen ist.',
      plan_not_active: 'Nur ein normal laufender Plan kann verschoben werden.',
      nothing_due: 'Sie haben keine kommende Rate, die verschoben werden könnte.',
    },
    postponeTooFar: (latest) => `Das ist weiter als erlaubt: Der späteste Termin ist der ${latest}.`,
    methodsIntro: 'Ihre gespeicherten Zahlungsmethoden:',
    methodConfirm: (m) =>
      `Soll ich alle Ihre restlichen Zahlungen ab jetzt von Ihrer ${m} abbuchen? Bitte antworten Sie mit Ja oder Nein.`,
    methodDone: (m) => `Erledigt: Ihre restlichen Zahlungen werden von Ihrer ${m} abgebucht.`,
    methodAlready: (m) => `Ihre Zahlungen werden bereits von Ihrer ${m} abgebucht.`,
    methodAddInApp:
      'Eine neue Karte fügen Sie unter Zahlungsmethoden in der Tandem-App hinzu: Kartendaten werden dort sicher eingegeben, nie in diesem Chat.',
    cardNumberWarning:
      'Bitte geben Sie keine Kartennummern im Chat ein: Ich habe sie nicht gespeichert, und sie wurde aus dem Gespräch entfernt.',
    returnChooseItem: 'Welchen Artikel senden Sie zurück? Antworten Sie mit der Nummer:',
    returnConfirm: (p) =>
      `Soll ich eine Rücksendung von ${p.item ?? 'Ihrem Einkauf'} bei ${p.merchant} anmelden? Bitte antworten Sie mit Ja oder Nein.`,
    returnDone: (m) =>
      `Erledigt: Ihre Rücksendung an ${m} ist angemeldet. Schicken Sie den Artikel an den Shop zurück; die Erstattung folgt nach dem Eingang.`,
    returnNone: `Ich finde keinen Einkauf, der hier noch zurückgegeben werden kann: Eine Rücksendung muss innerhalb von ${R} Tagen nach dem Kauf angemeldet werden, eine pro Bestellung gleichzeitig.`,
    closeConfirm:
      'Soll ich Ihr Tandem-Konto schließen? Das lässt sich nicht rückgängig machen, und Ihre gespeicherten Zahlungsmethoden werden entfernt. Bitte antworten Sie mit Ja oder Nein.',
    closeDone: 'Ihr Tandem-Konto ist jetzt geschlossen. Danke, dass Sie bei uns waren.',
    closeBalance: (a) =>
      `Ihr Konto kann nicht geschlossen werden, solange noch ${a} offen sind. Sobald das bezahlt ist, kann ich es für Sie schließen.`,
    closeRefused: {
      locked: 'Ihr Konto ist zur Prüfung gesperrt, daher kann nur unser Team es schließen.',
      dispute:
        'Ihr Konto kann nicht geschlossen werden, solange eine Reklamation offen ist; sie muss zuerst geklärt werden.',
      closed: 'Ihr Konto ist bereits geschlossen.',
    },
    declinedPayment: (p) =>
      `Ihre Zahlung von ${p.amount} für ${p.merchant} am ${p.date} wurde abgelehnt: ${p.reason}.`,
    declinedPaidSince: 'Sie wurde inzwischen bezahlt.',
    declinedNone: 'Ich finde keine abgelehnte Zahlung in Ihrem Konto.',
    declinedLocked:
      'Ihr Konto ist zur Prüfung gesperrt, daher werden neue Einkäufe abgelehnt, bis unser Team es geprüft hat.',
    declinedOverdue:
      'Sie haben eine überfällige Zahlung: Neue Einkäufe werden abgelehnt, bis sie bezahlt ist.',
    declinedNoMethod:
      'In Ihrem Konto ist keine gültige Zahlungsmethode hinterlegt; Sie können eine in der Tandem-App hinzufügen.',
    declinedExpired: (m) => `Ihre ${m} ist abgelaufen.`,
  },
  fr: {
    cancelled: "D'accord, je n'ai rien fait. Puis-je vous aider pour autre chose ?",
    failed: "Je n'ai pas pu le faire ici, donc rien n'a été modifié.",
    offerPerson: 'Voulez-vous que je fasse intervenir une personne ?',
    okay: "D'accord. Puis-je vous aider pour autre chose ?",
    payConfirm: (p) =>
      `Voulez-vous que je paie maintenant ${p.amount} pour votre échéance chez ${p.merchant} prévue le ${p.date}${p.method ? `, avec votre ${p.method}` : ''} ? Répondez oui ou non.`,
    payDone: (p) => `C'est fait : ${p.amount} ont été payés pour votre achat chez ${p.merchant}.`,
    payOffConfirm: (p) =>
      `Solder maintenant votre plan chez ${p.merchant} coûte ${p.amount}, tout ce qui reste dû. Dois-je prélever ce montant${p.method ? ` sur votre ${p.method}` : ''} ? Répondez oui ou non.`,
    payOffDone: (p) =>
      `C'est fait : ${p.amount} ont été prélevés et votre plan chez ${p.merchant} est soldé.`,
    declined: (reason) => `Le paiement a été refusé : ${reason}. Rien n'a été prélevé.`,
    declineReason: {
      insufficient_funds: 'le solde de la carte était insuffisant',
      do_not_honor: 'votre banque a refusé sans donner de motif (votre banque peut vous dire pourquoi)',
      processing_error: 'une erreur temporaire du réseau de cartes',
      card_expired: 'la carte a expiré',
      payment_method_removed: 'la carte a été retirée de votre compte',
      payment_method_expired: 'la carte a expiré',
      other: "l'émetteur de la carte a refusé",
    },
    paused: "Les paiements de cet achat sont suspendus pendant le litige, rien n'est dû avant sa résolution.",
    postponeRules: `Un plan peut être reporté une seule fois, de ${D} jours au plus, et seulement sa prochaine échéance avant qu'elle soit due.`,
    postponeConfirm: (p) =>
      `Je peux déplacer votre échéance de ${p.amount} chez ${p.merchant} du ${p.from} au ${p.to}. Ce n'est possible qu'une fois pour cet achat. Je le fais ? Répondez oui ou non.`,
    postponeDone: (p) => `C'est fait : votre échéance chez ${p.merchant} est maintenant due le ${p.to}.`,
    lateFeeWaived: (p) =>
      `C'est fait : les frais de retard de ${p.amount} sur votre échéance chez ${p.merchant} ont été annulés.`,
    postponeRefused: {
      already_postponed: 'Ce plan a déjà été reporté une fois, ses dates ne peuvent plus être déplacées.',
      not_scheduled: 'Cette échéance est déjà due ou en retard, elle ne peut plus être reportée.',
      account_not_active: "Le report n'est pas possible tant que votre compte est bloqué ou fermé.",
      plan_not_active: 'Seul un plan qui se déroule normalement peut être reporté.',
      nothing_due: "Vous n'avez aucune échéance à venir à reporter.",
    },
    postponeTooFar: (latest) => `C'est plus loin que permis : la date la plus tardive est le ${latest}.`,
    methodsIntro: 'Vos moyens de paiement enregistrés :',
    methodConfirm: (m) =>
      `Dois-je prélever désormais tous vos paiements restants sur votre ${m} ? Répondez oui ou non.`,
    methodDone: (m) => `C'est fait : vos paiements restants seront prélevés sur votre ${m}.`,
    methodAlready: (m) => `Vos paiements sont déjà prélevés sur votre ${m}.`,
    methodAddInApp:
      "Pour ajouter une nouvelle carte, ouvrez Moyens de paiement dans l'application Tandem : les données de carte y sont saisies en sécurité, jamais dans ce chat.",
    cardNumberWarning:
      "Merci de ne pas écrire de numéro de carte dans le chat : je ne l'ai pas enregistré, et il a été retiré de la conversation.",
    returnChooseItem: 'Quel article renvoyez-vous ? Répondez avec le numéro :',
    returnConfirm: (p) =>
      `Dois-je enregistrer un retour de ${p.item ?? 'votre achat'} chez ${p.merchant} ? Répondez oui ou non.`,
    returnDone: (m) =>
      `C'est fait : votre retour chez ${m} est enregistré. Renvoyez l'article au magasin ; le remboursement suivra à sa réception.`,
    returnNone: `Je ne trouve aucun achat qui puisse encore être retourné ici : un retour doit être enregistré dans les ${R} jours suivant l'achat, un à la fois par commande.`,
    closeConfirm:
      'Voulez-vous que je ferme votre compte Tandem ? Ce ne sera pas réversible, et vos moyens de paiement enregistrés seront supprimés. Répondez oui ou non.',
    closeDone: "Votre compte Tandem est maintenant fermé. Merci d'avoir été avec nous.",
    closeBalance: (a) =>
      `Votre compte ne peut pas être fermé tant que ${a} restent dus. Une fois ce montant payé, je pourrai le fermer pour vous.`,
    closeRefused: {
      locked: 'Votre compte est bloqué pour vérification, seule notre équipe peut le fermer.',
      dispute:
        "Votre compte ne peut pas être fermé tant qu'un litige est ouvert ; il doit d'abord être résolu.",
      closed: 'Votre compte est déjà fermé.',
    },
    declinedPayment: (p) =>
      `Votre paiement de ${p.amount} pour ${p.merchant} le ${p.date} a été refusé : ${p.reason}.`,
    declinedPaidSince: 'Il a été payé depuis.',
    declinedNone: 'Je ne trouve aucun paiement refusé sur votre compte.',
    declinedLocked:
      "Votre compte est bloqué pour vérification, les nouveaux achats sont refusés jusqu'à ce que notre équipe l'ait contrôlé.",
    declinedOverdue:
      "Vous avez un paiement en retard : les nouveaux achats sont refusés jusqu'à son règlement.",
    declinedNoMethod:
      "Aucun moyen de paiement valide n'est enregistré sur votre compte ; vous pouvez en ajouter un dans l'application Tandem.",
    declinedExpired: (m) => `Votre ${m} a expiré.`,
  },
  es: {
    cancelled: 'De acuerdo, no he hecho nada. ¿Te ayudo con algo más?',
    failed: 'No he podido completarlo aquí, así que no se ha cambiado nada.',
    offerPerson: '¿Quieres que te pase con una persona?',
    okay: 'De acuerdo. ¿Te ayudo con algo más?',
    payConfirm: (p) =>
      `¿Quieres que pague ahora ${p.amount} de tu cuota de ${p.merchant} que vence el ${p.date}${p.method ? `, con tu ${p.method}` : ''}? Responde sí o no.`,
    payDone: (p) => `Hecho: se han pagado ${p.amount} de tu compra en ${p.merchant}.`,
    payOffConfirm: (p) =>
      `Liquidar ahora tu plan de ${p.merchant} cuesta ${p.amount}, todo lo que queda pendiente. ¿Lo cargo${p.method ? ` a tu ${p.method}` : ''}? Responde sí o no.`,
    payOffDone: (p) => `Hecho: se han cobrado ${p.amount} y tu plan de ${p.merchant} está liquidado.`,
    declined: (reason) => `El pago fue rechazado: ${reason}. No se ha cobrado nada.`,
    declineReason: {
      insufficient_funds: 'no había saldo suficiente en la tarjeta',
      do_not_honor: 'tu banco lo rechazó sin dar motivo (tu banco puede decirte por qué)',
      processing_error: 'un error temporal de la red de tarjetas',
      card_expired: 'la tarjeta ha caducado',
      payment_method_removed: 'la tarjeta se eliminó de tu cuenta',
      payment_method_expired: 'la tarjeta ha caducado',
      other: 'el emisor de la tarjeta lo rechazó',
    },
    paused:
      'Los pagos de esa compra están en pausa mientras la disputa está abierta, así que no hay nada pendiente hasta que se resuelva.',
    postponeRules: `Un plan se puede aplazar una sola vez, hasta ${D} días, y solo su próxima cuota antes de que venza.`,
    postponeConfirm: (p) =>
      `Puedo mover tu cuota de ${p.amount} de ${p.merchant} del ${p.from} al ${p.to}. Solo se puede hacer una vez en esta compra. ¿Lo hago? Responde sí o no.`,
    postponeDone: (p) => `Hecho: tu cuota de ${p.merchant} vence ahora el ${p.to}.`,
    lateFeeWaived: (p) =>
      `Hecho: se ha anulado el recargo por demora de ${p.amount} de tu cuota de ${p.merchant}.`,
    postponeRefused: {
      already_postponed: 'Este plan ya se aplazó una vez, así que sus fechas no se pueden volver a mover.',
      not_scheduled: 'Esta cuota ya ha vencido, así que ya no se puede aplazar.',
      account_not_active: 'No se puede aplazar mientras tu cuenta esté bloqueada o cerrada.',
      plan_not_active: 'Solo se puede aplazar un plan que funciona con normalidad.',
      nothing_due: 'No tienes ninguna cuota próxima que aplazar.',
    },
    postponeTooFar: (latest) => `Eso es más de lo permitido: la fecha más tardía es el ${latest}.`,
    methodsIntro: 'Tus métodos de pago guardados:',
    methodConfirm: (m) => `¿Cargo a partir de ahora todos tus pagos pendientes a tu ${m}? Responde sí o no.`,
    methodDone: (m) => `Hecho: tus pagos pendientes se cargarán a tu ${m}.`,
    methodAlready: (m) => `Tus pagos ya se cargan a tu ${m}.`,
    methodAddInApp:
      'Para añadir una tarjeta nueva, abre Métodos de pago en la app de Tandem: los datos de la tarjeta se introducen allí de forma segura, nunca en este chat.',
    cardNumberWarning:
      'Por favor, no escribas números de tarjeta en el chat: no lo he guardado y se ha eliminado de la conversación.',
    returnChooseItem: '¿Qué artículo devuelves? Responde con el número:',
    returnConfirm: (p) =>
      `¿Registro una devolución de ${p.item ?? 'tu compra'} en ${p.merchant}? Responde sí o no.`,
    returnDone: (m) =>
      `Hecho: tu devolución a ${m} está registrada. Envía el artículo a la tienda; el reembolso llegará cuando lo reciban.`,
    returnNone: `No encuentro ninguna compra que se pueda devolver aquí: la devolución debe registrarse dentro de los ${R} días posteriores a la compra, una a la vez por pedido.`,
    closeConfirm:
      '¿Quieres que cierre tu cuenta de Tandem? No se puede deshacer y tus métodos de pago guardados se eliminarán. Responde sí o no.',
    closeDone: 'Tu cuenta de Tandem está cerrada. Gracias por haber estado con nosotros.',
    closeBalance: (a) =>
      `Tu cuenta no se puede cerrar mientras queden ${a} pendientes. Cuando esté pagado, podré cerrarla por ti.`,
    closeRefused: {
      locked: 'Tu cuenta está bloqueada para revisión, así que solo nuestro equipo puede cerrarla.',
      dispute: 'Tu cuenta no se puede cerrar mientras haya una disputa abierta; primero debe resolverse.',
      closed: 'Tu cuenta ya está cerrada.',
    },
    declinedPayment: (p) =>
      `Tu pago de ${p.amount} para ${p.merchant} del ${p.date} fue rechazado: ${p.reason}.`,
    declinedPaidSince: 'Ya se ha pagado desde entonces.',
    declinedNone: 'No encuentro ningún pago rechazado en tu cuenta.',
    declinedLocked:
      'Tu cuenta está bloqueada para revisión, así que las compras nuevas se rechazan hasta que nuestro equipo la revise.',
    declinedOverdue: 'Tienes un pago vencido: las compras nuevas se rechazan hasta que lo pagues.',
    declinedNoMethod:
      'No hay ningún método de pago válido en tu cuenta; puedes añadir uno en la app de Tandem.',
    declinedExpired: (m) => `Tu ${m} ha caducado.`,
  },
  it: {
    cancelled: 'Va bene, non ho fatto nulla. Posso aiutarti con altro?',
    failed: 'Non sono riuscito a completarlo qui, quindi non è cambiato nulla.',
    offerPerson: 'Vuoi che coinvolga una persona?',
    okay: 'Va bene. Posso aiutarti con altro?',
    payConfirm: (p) =>
      `Vuoi che paghi ora ${p.amount} per la tua rata da ${p.merchant} in scadenza il ${p.date}${p.method ? `, con la tua ${p.method}` : ''}? Rispondi sì o no.`,
    payDone: (p) => `Fatto: sono stati pagati ${p.amount} per il tuo acquisto da ${p.merchant}.`,
    payOffConfirm: (p) =>
      `Saldare ora il tuo piano da ${p.merchant} costa ${p.amount}, tutto quello che resta da pagare. Lo addebito${p.method ? ` sulla tua ${p.method}` : ''}? Rispondi sì o no.`,
    payOffDone: (p) => `Fatto: sono stati addebitati ${p.amount} e il tuo piano da ${p.merchant} è saldato.`,
    declined: (reason) => `Il pagamento è stato rifiutato: ${reason}. Non è stato addebitato nulla.`,
    declineReason: {
      insufficient_funds: 'sulla carta non c’erano fondi sufficienti',
      do_not_honor: 'la tua banca l’ha rifiutato senza indicare il motivo (la tua banca può dirti perché)',
      processing_error: 'un errore temporaneo del circuito della carta',
      card_expired: 'la carta è scaduta',
      payment_method_removed: 'la carta è stata rimossa dal tuo account',
      payment_method_expired: 'la carta è scaduta',
      other: 'l’emittente della carta l’ha rifiutato',
    },
    paused:
      'I pagamenti di quell’acquisto sono sospesi mentre la contestazione è aperta, quindi non c’è nulla da pagare finché non sarà risolta.',
    postponeRules: `Un piano si può posticipare una sola volta, di ${D} giorni al massimo, e solo la sua prossima rata prima della scadenza.`,
    postponeConfirm: (p) =>
      `Posso spostare la tua rata di ${p.amount} da ${p.merchant} dal ${p.from} al ${p.to}. Si può fare una sola volta per questo acquisto. Procedo? Rispondi sì o no.`,
    postponeDone: (p) => `Fatto: la tua rata da ${p.merchant} ora scade il ${p.to}.`,
    lateFeeWaived: (p) =>
      `Fatto: la penale di ritardo di ${p.amount} sulla tua rata da ${p.merchant} è stata annullata.`,
    postponeRefused: {
      already_postponed:
        'Questo piano è già stato posticipato una volta, quindi le scadenze non si possono spostare di nuovo.',
      not_scheduled: 'Questa rata è già scaduta, quindi non si può più posticipare.',
      account_not_active: 'Non è possibile posticipare mentre il tuo account è bloccato o chiuso.',
      plan_not_active: 'Si può posticipare solo un piano che procede normalmente.',
      nothing_due: 'Non hai rate in arrivo da posticipare.',
    },
    postponeTooFar: (latest) => `È oltre il consentito: la data più lontana possibile è il ${latest}.`,
    methodsIntro: 'I tuoi metodi di pagamento salvati:',
    methodConfirm: (m) =>
      `D’ora in poi addebito tutti i pagamenti rimanenti sulla tua ${m}? Rispondi sì o no.`,
    methodDone: (m) => `Fatto: i pagamenti rimanenti saranno addebitati sulla tua ${m}.`,
    methodAlready: (m) => `I tuoi pagamenti sono già addebitati sulla tua ${m}.`,
    methodAddInApp:
      'Per aggiungere una nuova carta, apri Metodi di pagamento nell’app Tandem: i dati della carta si inseriscono lì in modo sicuro, mai in questa chat.',
    cardNumberWarning:
      'Per favore non scrivere numeri di carta in chat: non l’ho salvato ed è stato rimosso dalla conversazione.',
    returnChooseItem: 'Quale articolo stai restituendo? Rispondi con il numero:',
    returnConfirm: (p) =>
      `Registro un reso di ${p.item ?? 'il tuo acquisto'} da ${p.merchant}? Rispondi sì o no.`,
    returnDone: (m) =>
      `Fatto: il tuo reso a ${m} è registrato. Rispedisci l’articolo al negozio; il rimborso arriverà quando lo avranno ricevuto.`,
    returnNone: `Non trovo acquisti che si possano ancora restituire qui: il reso va registrato entro ${R} giorni dall’acquisto, uno alla volta per ordine.`,
    closeConfirm:
      'Vuoi che chiuda il tuo account Tandem? Non si può annullare e i metodi di pagamento salvati verranno rimossi. Rispondi sì o no.',
    closeDone: 'Il tuo account Tandem è ora chiuso. Grazie per essere stato con noi.',
    closeBalance: (a) =>
      `Il tuo account non si può chiudere finché restano da pagare ${a}. Quando saranno pagati, potrò chiuderlo per te.`,
    closeRefused: {
      locked: 'Il tuo account è bloccato per una verifica, quindi solo il nostro team può chiuderlo.',
      dispute:
        'Il tuo account non si può chiudere mentre c’è una contestazione aperta; prima deve essere risolta.',
      closed: 'Il tuo account è già chiuso.',
    },
    declinedPayment: (p) =>
      `Il tuo pagamento di ${p.amount} per ${p.merchant} del ${p.date} è stato rifiutato: ${p.reason}.`,
    declinedPaidSince: 'Nel frattempo è stato pagato.',
    declinedNone: 'Non trovo pagamenti rifiutati sul tuo account.',
    declinedLocked:
      'Il tuo account è bloccato per una verifica, quindi i nuovi acquisti vengono rifiutati finché il nostro team non l’avrà controllato.',
    declinedOverdue: 'Hai un pagamento in ritardo: i nuovi acquisti vengono rifiutati finché non è pagato.',
    declinedNoMethod:
      'Sul tuo account non c’è un metodo di pagamento valido; puoi aggiungerne uno nell’app Tandem.',
    declinedExpired: (m) => `La tua ${m} è scaduta.`,
  },
  nl: {
    cancelled: 'Oké, ik heb niets gedaan. Kan ik nog ergens mee helpen?',
    failed: 'Ik kon dit hier niet afronden, dus er is niets veranderd.',
    offerPerson: 'Zal ik een medewerker inschakelen?',
    okay: 'Oké. Kan ik nog ergens mee helpen?',
    payConfirm: (p) =>
      `Wil je dat ik nu ${p.amount} betaal voor je termijn bij ${p.merchant} die op ${p.date} vervalt${p.method ? `, met je ${p.method}` : ''}? Antwoord ja of nee.`,
    payDone: (p) => `Gedaan: ${p.amount} is betaald voor je aankoop bij ${p.merchant}.`,
    payOffConfirm: (p) =>
      `Je plan bij ${p.merchant} nu aflossen kost ${p.amount}, alles wat nog openstaat. Zal ik het afschrijven${p.method ? ` van je ${p.method}` : ''}? Antwoord ja of nee.`,
    payOffDone: (p) => `Gedaan: ${p.amount} is afgeschreven en je plan bij ${p.merchant} is afgelost.`,
    declined: (reason) => `De betaling is geweigerd: ${reason}. Er is niets afgeschreven.`,
    declineReason: {
      insufficient_funds: 'er stond niet genoeg geld op de kaart',
      do_not_honor: 'je bank weigerde zonder reden te geven (je bank kan je vertellen waarom)',
      processing_error: 'een tijdelijke storing bij het kaartnetwerk',
      card_expired: 'de kaart is verlopen',
      payment_method_removed: 'de kaart is van je account verwijderd',
      payment_method_expired: 'de kaart is verlopen',
      other: 'de kaartuitgever weigerde',
    },
    paused:
      'De betalingen voor die aankoop zijn gepauzeerd zolang het geschil loopt, dus er hoeft niets betaald te worden tot het is opgelost.',
    postponeRules: `Een plan kan één keer worden uitgesteld, met hoogstens ${D} dagen, en alleen de volgende termijn voordat die vervalt.`,
    postponeConfirm: (p) =>
      `Ik kan je termijn van ${p.amount} bij ${p.merchant} verplaatsen van ${p.from} naar ${p.to}. Dat kan maar één keer voor deze aankoop. Zal ik? Antwoord ja of nee.`,
    postponeDone: (p) => `Gedaan: je termijn bij ${p.merchant} vervalt nu op ${p.to}.`,
    lateFeeWaived: (p) =>
      `Gedaan: de kosten voor te laat betalen van ${p.amount} op je termijn bij ${p.merchant} zijn kwijtgescholden.`,
    postponeRefused: {
      already_postponed:
        'Dit plan is al een keer uitgesteld, dus de data kunnen niet nog eens worden verplaatst.',
      not_scheduled: 'Deze termijn is al vervallen, dus hij kan niet meer worden uitgesteld.',
      account_not_active: 'Uitstellen kan niet zolang je account geblokkeerd of gesloten is.',
      plan_not_active: 'Alleen een plan dat normaal loopt, kan worden uitgesteld.',
      nothing_due: 'Je hebt geen komende termijn om uit te stellen.',
    },
    postponeTooFar: (latest) => `Dat is verder dan toegestaan: de laatste mogelijke datum is ${latest}.`,
    methodsIntro: 'Je opgeslagen betaalmethoden:',
    methodConfirm: (m) =>
      `Zal ik vanaf nu al je resterende betalingen van je ${m} afschrijven? Antwoord ja of nee.`,
    methodDone: (m) => `Gedaan: je resterende betalingen worden van je ${m} afgeschreven.`,
    methodAlready: (m) => `Je betalingen worden al van je ${m} afgeschreven.`,
    methodAddInApp:
      'Een nieuwe kaart voeg je toe via Betaalmethoden in de Tandem-app: kaartgegevens vul je daar veilig in, nooit in deze chat.',
    cardNumberWarning:
      'Typ alsjeblieft geen kaartnummers in de chat: ik heb het niet opgeslagen en het is uit het gesprek verwijderd.',
    returnChooseItem: 'Welk artikel stuur je terug? Antwoord met het nummer:',
    returnConfirm: (p) =>
      `Zal ik een retour van ${p.item ?? 'je aankoop'} bij ${p.merchant} aanmelden? Antwoord ja of nee.`,
    returnDone: (m) =>
      `Gedaan: je retour naar ${m} is aangemeld. Stuur het artikel terug naar de winkel; je terugbetaling volgt zodra ze het hebben ontvangen.`,
    returnNone: `Ik vind geen aankoop die hier nog kan worden geretourneerd: een retour moet binnen ${R} dagen na aankoop worden aangemeld, één tegelijk per bestelling.`,
    closeConfirm:
      'Wil je dat ik je Tandem-account sluit? Dit kan niet ongedaan worden gemaakt en je opgeslagen betaalmethoden worden verwijderd. Antwoord ja of nee.',
    closeDone: 'Je Tandem-account is nu gesloten. Bedankt dat je klant bij ons was.',
    closeBalance: (a) =>
      `Je account kan niet worden gesloten zolang er nog ${a} openstaat. Zodra dat betaald is, kan ik het voor je sluiten.`,
    closeRefused: {
      locked: 'Je account is geblokkeerd voor controle, dus alleen ons team kan het sluiten.',
      dispute:
        'Je account kan niet worden gesloten zolang er een geschil loopt; dat moet eerst worden opgelost.',
      closed: 'Je account is al gesloten.',
    },
    declinedPayment: (p) =>
      `Je betaling van ${p.amount} voor ${p.merchant} op ${p.date} is geweigerd: ${p.reason}.`,
    declinedPaidSince: 'Die is inmiddels betaald.',
    declinedNone: 'Ik vind geen geweigerde betaling op je account.',
    declinedLocked:
      'Je account is geblokkeerd voor controle, dus nieuwe aankopen worden geweigerd tot ons team het heeft gecontroleerd.',
    declinedOverdue: 'Je hebt een te late betaling: nieuwe aankopen worden geweigerd tot die betaald is.',
    declinedNoMethod:
      'Er staat geen werkende betaalmethode op je account; je kunt er een toevoegen in de Tandem-app.',
    declinedExpired: (m) => `Je ${m} is verlopen.`,
  },
  vi: {
    cancelled: 'Được, tôi chưa làm gì cả. Tôi có thể giúp gì thêm không?',
    failed: 'Tôi không thể hoàn tất việc này ở đây, nên chưa có gì thay đổi.',
    offerPerson: 'Bạn có muốn tôi chuyển cho một nhân viên không?',
    okay: 'Được. Tôi có thể giúp gì thêm không?',
    payConfirm: (p) =>
      `Bạn có muốn tôi thanh toán ngay ${p.amount} cho kỳ thanh toán tại ${p.merchant} đến hạn ngày ${p.date}${p.method ? `, bằng ${p.method} của bạn` : ''} không? Hãy trả lời có hoặc không.`,
    payDone: (p) => `Xong: đã thanh toán ${p.amount} cho đơn hàng tại ${p.merchant}.`,
    payOffConfirm: (p) =>
      `Tất toán ngay kế hoạch tại ${p.merchant} cần ${p.amount}, là toàn bộ số tiền còn lại. Tôi có nên trừ tiền${p.method ? ` từ ${p.method} của bạn` : ''} không? Hãy trả lời có hoặc không.`,
    payOffDone: (p) => `Xong: đã trừ ${p.amount} và kế hoạch tại ${p.merchant} đã được tất toán.`,
    declined: (reason) => `Khoản thanh toán bị từ chối: ${reason}. Chưa có khoản tiền nào bị trừ.`,
    declineReason: {
      insufficient_funds: 'thẻ không đủ tiền',
      do_not_honor: 'ngân hàng của bạn từ chối mà không nêu lý do (ngân hàng có thể cho bạn biết lý do)',
      processing_error: 'mạng lưới thẻ gặp lỗi tạm thời',
      card_expired: 'thẻ đã hết hạn',
      payment_method_removed: 'thẻ đã bị gỡ khỏi tài khoản của bạn',
      payment_method_expired: 'thẻ đã hết hạn',
      other: 'đơn vị phát hành thẻ đã từ chối',
    },
    paused:
      'Các khoản thanh toán cho đơn này đang tạm dừng trong lúc khiếu nại được xem xét, nên chưa có gì đến hạn cho đến khi giải quyết xong.',
    postponeRules: `Mỗi kế hoạch chỉ được hoãn một lần, tối đa ${D} ngày, và chỉ kỳ thanh toán tiếp theo trước khi đến hạn.`,
    postponeConfirm: (p) =>
      `Tôi có thể dời kỳ thanh toán ${p.amount} tại ${p.merchant} từ ngày ${p.from} sang ngày ${p.to}. Việc này chỉ làm được một lần cho đơn hàng này. Tôi làm nhé? Hãy trả lời có hoặc không.`,
    postponeDone: (p) => `Xong: kỳ thanh toán tại ${p.merchant} giờ đến hạn ngày ${p.to}.`,
    lateFeeWaived: (p) => `Xong: phí trễ hạn ${p.amount} cho kỳ thanh toán tại ${p.merchant} đã được miễn.`,
    postponeRefused: {
      already_postponed: 'Kế hoạch này đã được hoãn một lần, nên không thể dời ngày thêm nữa.',
      not_scheduled: 'Kỳ thanh toán này đã đến hạn hoặc quá hạn, nên không thể hoãn nữa.',
      account_not_active: 'Không thể hoãn khi tài khoản của bạn đang bị khóa hoặc đã đóng.',
      plan_not_active: 'Chỉ kế hoạch đang hoạt động bình thường mới có thể hoãn.',
      nothing_due: 'Bạn không có kỳ thanh toán sắp tới nào để hoãn.',
    },
    postponeTooFar: (latest) => `Như vậy là quá mức cho phép: ngày muộn nhất là ${latest}.`,
    methodsIntro: 'Các phương thức thanh toán đã lưu của bạn:',
    methodConfirm: (m) =>
      `Từ giờ tôi có nên trừ tất cả các khoản thanh toán còn lại từ ${m} của bạn không? Hãy trả lời có hoặc không.`,
    methodDone: (m) => `Xong: các khoản thanh toán còn lại sẽ được trừ từ ${m} của bạn.`,
    methodAlready: (m) => `Các khoản thanh toán của bạn đã được trừ từ ${m}.`,
    methodAddInApp:
      'Để thêm thẻ mới, hãy mở mục Phương thức thanh toán trong ứng dụng Tandem: thông tin thẻ được nhập an toàn ở đó, không bao giờ trong cuộc trò chuyện này.',
    cardNumberWarning:
      'Vui lòng không gõ số thẻ vào cuộc trò chuyện: tôi không lưu số đó, và nó đã được xóa khỏi cuộc trò chuyện.',
    returnChooseItem: 'Bạn gửi trả món hàng nào? Hãy trả lời bằng số thứ tự:',
    returnConfirm: (p) =>
      `Tôi có nên đăng ký trả ${p.item ?? 'đơn hàng'} tại ${p.merchant} không? Hãy trả lời có hoặc không.`,
    returnDone: (m) =>
      `Xong: yêu cầu trả hàng cho ${m} đã được đăng ký. Hãy gửi món hàng về cửa hàng; tiền hoàn lại sẽ đến sau khi họ nhận được.`,
    returnNone: `Tôi không tìm thấy đơn hàng nào còn có thể trả ở đây: việc trả hàng phải được đăng ký trong vòng ${R} ngày kể từ khi mua, mỗi đơn hàng một lần.`,
    closeConfirm:
      'Bạn có muốn tôi đóng tài khoản Tandem của bạn không? Việc này không thể hoàn tác, và các phương thức thanh toán đã lưu sẽ bị xóa. Hãy trả lời có hoặc không.',
    closeDone: 'Tài khoản Tandem của bạn đã được đóng. Cảm ơn bạn đã đồng hành cùng chúng tôi.',
    closeBalance: (a) =>
      `Không thể đóng tài khoản khi bạn còn nợ ${a}. Khi đã thanh toán xong, tôi có thể đóng tài khoản cho bạn.`,
    closeRefused: {
      locked: 'Tài khoản của bạn đang bị khóa để kiểm tra, nên chỉ đội ngũ của chúng tôi mới có thể đóng.',
      dispute: 'Không thể đóng tài khoản khi đang có khiếu nại; khiếu nại phải được giải quyết trước.',
      closed: 'Tài khoản của bạn đã được đóng.',
    },
    declinedPayment: (p) =>
      `Khoản thanh toán ${p.amount} cho ${p.merchant} ngày ${p.date} đã bị từ chối: ${p.reason}.`,
    declinedPaidSince: 'Khoản này đã được thanh toán sau đó.',
    declinedNone: 'Tôi không tìm thấy khoản thanh toán nào bị từ chối trong tài khoản của bạn.',
    declinedLocked:
      'Tài khoản của bạn đang bị khóa để kiểm tra, nên các giao dịch mua mới bị từ chối cho đến khi đội ngũ của chúng tôi kiểm tra xong.',
    declinedOverdue:
      'Bạn có một khoản thanh toán quá hạn: các giao dịch mua mới bị từ chối cho đến khi bạn thanh toán.',
    declinedNoMethod:
      'Tài khoản của bạn không có phương thức thanh toán hợp lệ; bạn có thể thêm trong ứng dụng Tandem.',
    declinedExpired: (m) => `${m} của bạn đã hết hạn.`,
  },
};
