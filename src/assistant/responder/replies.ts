import type { Language } from '../language/detect-language.js';

/** One installment, refund or order as a reply shows it; every figure is already formatted from the DB. */
export interface PaymentLine {
  merchant: string;
  amount: string;
  date: string;
}

export type RefundStatus = 'pending' | 'processed' | 'failed';
export type ReturnStatus = 'requested' | 'in_transit' | 'received' | 'rejected';

/** Every sentence the built-in assistant can say, per language. Figures are only ever passed in. */
export interface Copy {
  greeting: string;
  hello: string;
  thanks: string;
  goodbye: string;
  handoff: string;
  empathy: string;
  urgent: string;
  hardship: string;
  complaint: string;
  dontKnow: string;
  loginNeeded: string;
  notAutomated: string;
  articleInEnglish: string;
  nextPayment(p: PaymentLine & { lateFees: string | null }): string;
  overduePayment(p: PaymentLine & { lateFees: string | null }): string;
  noPayments: string;
  scheduleIntro: string;
  scheduleLine(p: PaymentLine): string;
  noSchedule: string;
  refundsIntro: string;
  refundLine(merchant: string, amount: string, status: RefundStatus): string;
  returnLine(merchant: string, status: ReturnStatus): string;
  noRefunds: string;
  disputeChoose: string;
  disputeNone: string;
  disputeConfirm(merchant: string, amount: string): string;
  disputeOpened(merchant: string, paused: boolean): string;
  disputeCancelled: string;
  disputeUnclear: string;
  disputeFailed: string;
  fraudLocked: string;
  fraudHandoff: string;
}

export const REPLIES: Readonly<Record<Language, Copy>> = {
  en: {
    greeting:
      "Hi! I'm Tandem's AI assistant, not a person. I can help with payments, refunds and disputes. You can ask for a human at any time and I'll bring one in.",
    hello: 'Hi! How can I help you today?',
    thanks: "You're welcome! Anything else I can help with?",
    goodbye: 'Goodbye, and take care!',
    handoff:
      "I'm bringing in a person from our team now. They will see this whole conversation, so you don't need to repeat anything.",
    empathy: "I'm sorry this has been so frustrating.",
    urgent:
      "I'm really sorry you're going through this. I'm connecting you with a person right away. If you are in danger, please call your local emergency number.",
    hardship: "I'm sorry things are difficult right now. There are options that can help.",
    complaint: "I'm sorry about your experience, and I want it handled properly.",
    dontKnow:
      "I'm not sure I understood, and I don't want to guess. Could you rephrase it, or would you like me to bring in a person?",
    loginNeeded:
      "To look at your account I need to know it's you: please open this chat from the Tandem app while you're logged in, then I'll know who you are. Meanwhile I can answer general questions, or bring in a person.",
    notAutomated:
      "I can't do this for you in the chat yet: you can do it in the Tandem app, or a person from our team can help. Would you like me to bring someone in?",
    articleInEnglish: 'This help article is in English:',
    nextPayment: (p) =>
      `Your next payment is ${p.amount}, due ${p.date}, for your purchase at ${p.merchant}.` +
      (p.lateFees ? ` This includes late fees of ${p.lateFees}.` : ''),
    overduePayment: (p) =>
      `Your payment of ${p.amount} for your purchase at ${p.merchant} was due ${p.date} and is overdue.` +
      (p.lateFees ? ` This includes late fees of ${p.lateFees}.` : ''),
    noPayments: 'You have no payments to make right now.',
    scheduleIntro: 'Your upcoming installments:',
    scheduleLine: (p) => `${p.merchant}: ${p.amount} due ${p.date}`,
    noSchedule: 'You have no upcoming installments.',
    refundsIntro: 'Your latest refunds and returns:',
    refundLine: (m, a, s) =>
      `${m}: refund of ${a}, ${{ pending: 'being processed', processed: 'paid back', failed: 'failed' }[s]}`,
    returnLine: (m, s) =>
      `${m}: return ${{ requested: 'registered', in_transit: 'on its way to the store', received: 'received by the store', rejected: 'rejected by the store' }[s]}`,
    noRefunds: "I can't find any refunds or returns on your account.",
    disputeChoose: 'Which purchase is it about? Answer with the number or the store name:',
    disputeNone:
      "I can't find an active purchase that can be disputed. Would you like me to bring in a person?",
    disputeConfirm: (m, a) =>
      `Do you want me to open a dispute for your purchase at ${m} (${a})? Payments on that purchase will be paused while it is reviewed. Please answer yes or no.`,
    disputeOpened: (m, paused) =>
      `I've opened a dispute for your purchase at ${m}.` +
      (paused ? ' Payments on that purchase are paused until it is resolved.' : ''),
    disputeCancelled: "OK, I haven't opened a dispute. Anything else I can help with?",
    disputeUnclear: 'Sorry, which one? Answer with a number from the list or the store name.',
    disputeFailed: "I couldn't open the dispute here, so I'm bringing in a person to sort it out.",
    fraudLocked: "I've locked your account to protect it, so no new purchases can be made.",
    fraudHandoff:
      "A person from our fraud team is taking over now. They will see this whole conversation, so you don't need to repeat anything.",
  },
  sv: {
    greeting:
      'Hej! Jag är Tandems AI-assistent, inte en människa. Jag kan hjälpa till med betalningar, återbetalningar och reklamationer. Du kan när som helst be att få prata med en människa.',
    hello: 'Hej! Vad kan jag hjälpa dig med?',
    thanks: 'Varsågod! Är det något mer jag kan hjälpa till med?',
    goodbye: 'Hej då, ha det bra!',
    handoff:
      'Jag kopplar in en person från vårt team nu. Hen ser hela konversationen, så du behöver inte upprepa något.',
    empathy: 'Jag är ledsen att det här har varit så frustrerande.',
    urgent:
      'Jag är verkligen ledsen att du har det så här. Jag kopplar dig till en person direkt. Om du är i fara, ring 112.',
    hardship: 'Jag är ledsen att det är tufft just nu. Det finns alternativ som kan hjälpa.',
    complaint: 'Jag beklagar det du har varit med om, och jag vill att det hanteras ordentligt.',
    dontKnow:
      'Jag är inte säker på att jag förstod, och jag vill inte gissa. Kan du formulera om det, eller vill du att jag kopplar in en person?',
    loginNeeded:
      'För att titta på ditt konto behöver jag veta att det är du: öppna den här chatten i Tandem-appen när du är inloggad, så vet jag vem du är. Under tiden kan jag svara på allmänna frågor, eller koppla in en person.',
    notAutomated:
      'Det kan jag inte göra åt dig i chatten än: du kan göra det i Tandem-appen, eller så kan en person från vårt team hjälpa dig. Vill du att jag kopplar in någon?',
    articleInEnglish: 'Den här hjälpartikeln är på engelska:',
    nextPayment: (p) =>
      `Din nästa betalning är ${p.amount} och ska betalas senast ${p.date}, för ditt köp hos ${p.merchant}.` +
      (p.lateFees ? ` Det inkluderar förseningsavgifter på ${p.lateFees}.` : ''),
    overduePayment: (p) =>
      `Din betalning på ${p.amount} för ditt köp hos ${p.merchant} förföll ${p.date} och är försenad.` +
      (p.lateFees ? ` Det inkluderar förseningsavgifter på ${p.lateFees}.` : ''),
    noPayments: 'Du har inga betalningar att göra just nu.',
    scheduleIntro: 'Dina kommande delbetalningar:',
    scheduleLine: (p) => `${p.merchant}: ${p.amount} senast ${p.date}`,
    noSchedule: 'Du har inga kommande delbetalningar.',
    refundsIntro: 'Dina senaste återbetalningar och returer:',
    refundLine: (m, a, s) =>
      `${m}: återbetalning på ${a}, ${{ pending: 'behandlas', processed: 'utbetald', failed: 'misslyckades' }[s]}`,
    returnLine: (m, s) =>
      `${m}: retur ${{ requested: 'registrerad', in_transit: 'på väg till butiken', received: 'mottagen av butiken', rejected: 'avvisad av butiken' }[s]}`,
    noRefunds: 'Jag hittar inga återbetalningar eller returer på ditt konto.',
    disputeChoose: 'Vilket köp gäller det? Svara med numret eller butikens namn:',
    disputeNone: 'Jag hittar inget aktivt köp som kan reklameras. Vill du att jag kopplar in en person?',
    disputeConfirm: (m, a) =>
      `Vill du att jag öppnar en reklamation för ditt köp hos ${m} (${a})? Betalningarna för köpet pausas medan den utreds. Svara ja eller nej.`,
    disputeOpened: (m, paused) =>
      `Jag har öppnat en reklamation för ditt köp hos ${m}.` +
      (paused ? ' Betalningarna för köpet är pausade tills den är löst.' : ''),
    disputeCancelled: 'Okej, jag har inte öppnat någon reklamation. Något annat jag kan hjälpa till med?',
    disputeUnclear: 'Förlåt, vilket? Svara med ett nummer från listan eller butikens namn.',
    disputeFailed: 'Jag kunde inte öppna reklamationen här, så jag kopplar in en person som löser det.',
    fraudLocked: 'Jag har låst ditt konto för att skydda det, så inga nya köp kan göras.',
    fraudHandoff:
      'En person från vårt bedrägeriteam tar över nu. Hen ser hela konversationen, så du behöver inte upprepa något.',
  },
  de: {
    greeting:
      'Hallo! Ich bin der KI-Assistent von Tandem, kein Mensch. Ich helfe bei Zahlungen, Erstattungen und Reklamationen. Sie können jederzeit nach einem Menschen fragen.',
    hello: 'Hallo! Wie kann ich Ihnen helfen?',
    thanks: 'Gern geschehen! Kann ich sonst noch helfen?',
    goodbye: 'Auf Wiedersehen, alles Gute!',
    handoff:
      'Ich hole jetzt eine Person aus unserem Team dazu. Sie sieht das ganze Gespräch, Sie müssen also nichts wiederholen.',
    empathy: 'Es tut mir leid, dass das so frustrierend war.',
    urgent:
      'Es tut mir wirklich leid, dass Sie das durchmachen. Ich verbinde Sie sofort mit einer Person. Wenn Sie in Gefahr sind, rufen Sie bitte den Notruf 112.',
    hardship: 'Es tut mir leid, dass es gerade schwierig ist. Es gibt Möglichkeiten, die helfen können.',
    complaint: 'Es tut mir leid, was Sie erlebt haben, und ich möchte, dass es richtig bearbeitet wird.',
    dontKnow:
      'Ich bin nicht sicher, ob ich das verstanden habe, und ich möchte nicht raten. Können Sie es anders formulieren, oder soll ich eine Person dazuholen?',
    loginNeeded:
      'Um Ihr Konto anzusehen, muss ich wissen, dass Sie es sind: Öffnen Sie diesen Chat bitte angemeldet in der Tandem-App, dann weiß ich, wer Sie sind. Bis dahin beantworte ich allgemeine Fragen oder hole eine Person dazu.',
    notAutomated:
      'Das kann ich im Chat noch nicht für Sie erledigen: Sie können es in der Tandem-App tun, oder eine Person aus unserem Team hilft Ihnen. Soll ich jemanden dazuholen?',
    articleInEnglish: 'Dieser Hilfeartikel ist auf Englisch:',
    nextPayment: (p) =>
      `Ihre nächste Zahlung beträgt ${p.amount}, fällig am ${p.date}, für Ihren Einkauf bei ${p.merchant}.` +
      (p.lateFees ? ` Darin enthalten sind Mahngebühren von ${p.lateFees}.` : ''),
    overduePayment: (p) =>
      `Ihre Zahlung von ${p.amount} für Ihren Einkauf bei ${p.merchant} war am ${p.date} fällig und ist überfällig.` +
      (p.lateFees ? ` Darin enthalten sind Mahngebühren von ${p.lateFees}.` : ''),
    noPayments: 'Sie haben derzeit keine Zahlungen offen.',
    scheduleIntro: 'Ihre kommenden Raten:',
    scheduleLine: (p) => `${p.merchant}: ${p.amount} fällig am ${p.date}`,
    noSchedule: 'Sie haben keine kommenden Raten.',
    refundsIntro: 'Ihre letzten Erstattungen und Rücksendungen:',
    refundLine: (m, a, s) =>
      `${m}: Erstattung von ${a}, ${{ pending: 'in Bearbeitung', processed: 'ausgezahlt', failed: 'fehlgeschlagen' }[s]}`,
    returnLine: (m, s) =>
      `${m}: Rücksendung ${{ requested: 'angemeldet', in_transit: 'unterwegs zum Händler', received: 'beim Händler eingegangen', rejected: 'vom Händler abgelehnt' }[s]}`,
    noRefunds: 'Ich finde keine Erstattungen oder Rücksendungen in Ihrem Konto.',
    disputeChoose: 'Um welchen Einkauf geht es? Antworten Sie mit der Nummer oder dem Namen des Shops:',
    disputeNone:
      'Ich finde keinen aktiven Einkauf, der reklamiert werden kann. Soll ich eine Person dazuholen?',
    disputeConfirm: (m, a) =>
      `Soll ich eine Reklamation für Ihren Einkauf bei ${m} (${a}) eröffnen? Die Zahlungen für diesen Einkauf werden während der Prüfung pausiert. Bitte antworten Sie mit Ja oder Nein.`,
    disputeOpened: (m, paused) =>
      `Ich habe eine Reklamation für Ihren Einkauf bei ${m} eröffnet.` +
      (paused ? ' Die Zahlungen für diesen Einkauf sind pausiert, bis sie geklärt ist.' : ''),
    disputeCancelled: 'In Ordnung, ich habe keine Reklamation eröffnet. Kann ich sonst helfen?',
    disputeUnclear:
      'Entschuldigung, welcher? Antworten Sie mit einer Nummer aus der Liste oder dem Shopnamen.',
    disputeFailed: 'Ich konnte die Reklamation hier nicht eröffnen, deshalb hole ich eine Person dazu.',
    fraudLocked: 'Ich habe Ihr Konto zum Schutz gesperrt, es sind keine neuen Einkäufe möglich.',
    fraudHandoff:
      'Eine Person aus unserem Betrugsteam übernimmt jetzt. Sie sieht das ganze Gespräch, Sie müssen also nichts wiederholen.',
  },
  fr: {
    greeting:
      "Bonjour ! Je suis l'assistant IA de Tandem, pas un humain. Je peux vous aider pour les paiements, remboursements et litiges. Vous pouvez demander un conseiller humain à tout moment.",
    hello: 'Bonjour ! Comment puis-je vous aider ?',
    thanks: 'Avec plaisir ! Puis-je vous aider pour autre chose ?',
    goodbye: 'Au revoir, bonne journée !',
    handoff:
      "Je fais intervenir une personne de notre équipe. Elle verra toute la conversation, vous n'aurez rien à répéter.",
    empathy: 'Je suis désolé que cela ait été si frustrant.',
    urgent:
      'Je suis vraiment désolé que vous traversiez cela. Je vous mets tout de suite en relation avec une personne. Si vous êtes en danger, appelez le 112.',
    hardship: 'Je suis désolé que ce soit difficile en ce moment. Il existe des solutions qui peuvent aider.',
    complaint: 'Je suis désolé de ce que vous avez vécu, et je veux que ce soit traité correctement.',
    dontKnow:
      "Je ne suis pas sûr d'avoir compris, et je ne veux pas deviner. Pouvez-vous reformuler, ou voulez-vous que je fasse intervenir une personne ?",
    loginNeeded:
      "Pour consulter votre compte, je dois savoir que c'est vous : ouvrez ce chat depuis l'application Tandem en étant connecté, et je saurai qui vous êtes. En attendant, je peux répondre aux questions générales ou faire intervenir une personne.",
    notAutomated:
      "Je ne peux pas encore le faire pour vous dans le chat : vous pouvez le faire dans l'application Tandem, ou une personne de notre équipe peut vous aider. Voulez-vous que je fasse intervenir quelqu'un ?",
    articleInEnglish: "Cet article d'aide est en anglais :",
    nextPayment: (p) =>
      `Votre prochain paiement est de ${p.amount}, à régler le ${p.date}, pour votre achat chez ${p.merchant}.` +
      (p.lateFees ? ` Cela inclut des frais de retard de ${p.lateFees}.` : ''),
    overduePayment: (p) =>
      `Votre paiement de ${p.amount} pour votre achat chez ${p.merchant} était dû le ${p.date} et est en retard.` +
      (p.lateFees ? ` Cela inclut des frais de retard de ${p.lateFees}.` : ''),
    noPayments: "Vous n'avez aucun paiement à effectuer pour le moment.",
    scheduleIntro: 'Vos prochaines échéances :',
    scheduleLine: (p) => `${p.merchant} : ${p.amount} le ${p.date}`,
    noSchedule: "Vous n'avez aucune échéance à venir.",
    refundsIntro: 'Vos derniers remboursements et retours :',
    refundLine: (m, a, s) =>
      `${m} : remboursement de ${a}, ${{ pending: 'en cours', processed: 'versé', failed: 'échoué' }[s]}`,
    returnLine: (m, s) =>
      `${m} : retour ${{ requested: 'enregistré', in_transit: 'en route vers le magasin', received: 'reçu par le magasin', rejected: 'refusé par le magasin' }[s]}`,
    noRefunds: 'Je ne trouve aucun remboursement ni retour sur votre compte.',
    disputeChoose: 'De quel achat s’agit-il ? Répondez avec le numéro ou le nom du magasin :',
    disputeNone:
      'Je ne trouve aucun achat actif pouvant faire l’objet d’un litige. Voulez-vous que je fasse intervenir une personne ?',
    disputeConfirm: (m, a) =>
      `Voulez-vous que j'ouvre un litige pour votre achat chez ${m} (${a}) ? Les paiements de cet achat seront suspendus pendant l'examen. Répondez oui ou non.`,
    disputeOpened: (m, paused) =>
      `J'ai ouvert un litige pour votre achat chez ${m}.` +
      (paused ? ' Les paiements de cet achat sont suspendus jusqu’à sa résolution.' : ''),
    disputeCancelled: "D'accord, je n'ai pas ouvert de litige. Puis-je vous aider pour autre chose ?",
    disputeUnclear: 'Pardon, lequel ? Répondez avec un numéro de la liste ou le nom du magasin.',
    disputeFailed: "Je n'ai pas pu ouvrir le litige ici, je fais donc intervenir une personne.",
    fraudLocked: "J'ai bloqué votre compte pour le protéger : aucun nouvel achat n'est possible.",
    fraudHandoff:
      "Une personne de notre équipe fraude prend le relais. Elle verra toute la conversation, vous n'aurez rien à répéter.",
  },
  es: {
    greeting:
      '¡Hola! Soy el asistente de IA de Tandem, no una persona. Puedo ayudarte con pagos, reembolsos y disputas. Puedes pedir hablar con una persona en cualquier momento.',
    hello: '¡Hola! ¿En qué puedo ayudarte?',
    thanks: '¡De nada! ¿Puedo ayudarte con algo más?',
    goodbye: '¡Adiós, cuídate!',
    handoff:
      'Voy a pasar la conversación a una persona de nuestro equipo. Verá toda la conversación, así que no tendrás que repetir nada.',
    empathy: 'Siento mucho que esto haya sido tan frustrante.',
    urgent:
      'Siento mucho que estés pasando por esto. Te pongo con una persona ahora mismo. Si estás en peligro, llama al 112.',
    hardship: 'Siento que las cosas estén difíciles ahora. Hay opciones que pueden ayudar.',
    complaint: 'Siento lo que te ha pasado y quiero que se gestione como es debido.',
    dontKnow:
      'No estoy seguro de haberte entendido y no quiero adivinar. ¿Puedes decirlo de otra forma, o prefieres que te pase con una persona?',
    loginNeeded:
      'Para ver tu cuenta necesito saber que eres tú: abre este chat desde la app de Tandem con tu sesión iniciada y sabré quién eres. Mientras tanto puedo responder preguntas generales o pasarte con una persona.',
    notAutomated:
      'Todavía no puedo hacerlo por ti en el chat: puedes hacerlo en la app de Tandem, o una persona de nuestro equipo puede ayudarte. ¿Quieres que te pase con alguien?',
    articleInEnglish: 'Este artículo de ayuda está en inglés:',
    nextPayment: (p) =>
      `Tu próximo pago es de ${p.amount}, con vencimiento el ${p.date}, por tu compra en ${p.merchant}.` +
      (p.lateFees ? ` Incluye recargos por retraso de ${p.lateFees}.` : ''),
    overduePayment: (p) =>
      `Tu pago de ${p.amount} por tu compra en ${p.merchant} vencía el ${p.date} y está atrasado.` +
      (p.lateFees ? ` Incluye recargos por retraso de ${p.lateFees}.` : ''),
    noPayments: 'No tienes pagos pendientes ahora mismo.',
    scheduleIntro: 'Tus próximas cuotas:',
    scheduleLine: (p) => `${p.merchant}: ${p.amount} el ${p.date}`,
    noSchedule: 'No tienes cuotas próximas.',
    refundsIntro: 'Tus últimos reembolsos y devoluciones:',
    refundLine: (m, a, s) =>
      `${m}: reembolso de ${a}, ${{ pending: 'en proceso', processed: 'abonado', failed: 'fallido' }[s]}`,
    returnLine: (m, s) =>
      `${m}: devolución ${{ requested: 'registrada', in_transit: 'en camino a la tienda', received: 'recibida por la tienda', rejected: 'rechazada por la tienda' }[s]}`,
    noRefunds: 'No encuentro reembolsos ni devoluciones en tu cuenta.',
    disputeChoose: '¿De qué compra se trata? Responde con el número o el nombre de la tienda:',
    disputeNone:
      'No encuentro ninguna compra activa que se pueda disputar. ¿Quieres que te pase con una persona?',
    disputeConfirm: (m, a) =>
      `¿Quieres que abra una disputa por tu compra en ${m} (${a})? Los pagos de esa compra quedarán en pausa mientras se revisa. Responde sí o no.`,
    disputeOpened: (m, paused) =>
      `He abierto una disputa por tu compra en ${m}.` +
      (paused ? ' Los pagos de esa compra están en pausa hasta que se resuelva.' : ''),
    disputeCancelled: 'De acuerdo, no he abierto ninguna disputa. ¿Puedo ayudarte con algo más?',
    disputeUnclear: 'Perdona, ¿cuál? Responde con un número de la lista o el nombre de la tienda.',
    disputeFailed: 'No he podido abrir la disputa aquí, así que te paso con una persona.',
    fraudLocked: 'He bloqueado tu cuenta para protegerla, así que no se pueden hacer compras nuevas.',
    fraudHandoff:
      'Una persona de nuestro equipo de fraude se encarga ahora. Verá toda la conversación, así que no tendrás que repetir nada.',
  },
  it: {
    greeting:
      "Ciao! Sono l'assistente IA di Tandem, non una persona. Posso aiutarti con pagamenti, rimborsi e contestazioni. Puoi chiedere di parlare con una persona in qualsiasi momento.",
    hello: 'Ciao! Come posso aiutarti?',
    thanks: 'Prego! Posso aiutarti con altro?',
    goodbye: 'Arrivederci, a presto!',
    handoff:
      'Sto coinvolgendo una persona del nostro team. Vedrà tutta la conversazione, quindi non dovrai ripetere nulla.',
    empathy: 'Mi dispiace che sia stato così frustrante.',
    urgent:
      'Mi dispiace davvero che tu stia vivendo questo. Ti metto subito in contatto con una persona. Se sei in pericolo, chiama il 112.',
    hardship: 'Mi dispiace che sia un momento difficile. Ci sono opzioni che possono aiutare.',
    complaint: 'Mi dispiace per quello che è successo e voglio che venga gestito nel modo giusto.',
    dontKnow:
      'Non sono sicuro di aver capito e non voglio tirare a indovinare. Puoi riformulare, o preferisci che coinvolga una persona?',
    loginNeeded:
      "Per vedere il tuo account devo sapere che sei tu: apri questa chat dall'app Tandem dopo aver effettuato l'accesso, così saprò chi sei. Intanto posso rispondere a domande generali o coinvolgere una persona.",
    notAutomated:
      "Non posso ancora farlo per te in chat: puoi farlo nell'app Tandem, oppure una persona del nostro team può aiutarti. Vuoi che coinvolga qualcuno?",
    articleInEnglish: 'Questo articolo di aiuto è in inglese:',
    nextPayment: (p) =>
      `Il tuo prossimo pagamento è di ${p.amount}, con scadenza il ${p.date}, per il tuo acquisto da ${p.merchant}.` +
      (p.lateFees ? ` Include penali di ritardo di ${p.lateFees}.` : ''),
    overduePayment: (p) =>
      `Il tuo pagamento di ${p.amount} per l'acquisto da ${p.merchant} scadeva il ${p.date} ed è in ritardo.` +
      (p.lateFees ? ` Include penali di ritardo di ${p.lateFees}.` : ''),
    noPayments: 'Al momento non hai pagamenti da effettuare.',
    scheduleIntro: 'Le tue prossime rate:',
    scheduleLine: (p) => `${p.merchant}: ${p.amount} il ${p.date}`,
    noSchedule: 'Non hai rate in arrivo.',
    refundsIntro: 'I tuoi ultimi rimborsi e resi:',
    refundLine: (m, a, s) =>
      `${m}: rimborso di ${a}, ${{ pending: 'in elaborazione', processed: 'accreditato', failed: 'non riuscito' }[s]}`,
    returnLine: (m, s) =>
      `${m}: reso ${{ requested: 'registrato', in_transit: 'in viaggio verso il negozio', received: 'ricevuto dal negozio', rejected: 'rifiutato dal negozio' }[s]}`,
    noRefunds: 'Non trovo rimborsi o resi sul tuo account.',
    disputeChoose: 'Di quale acquisto si tratta? Rispondi con il numero o il nome del negozio:',
    disputeNone: 'Non trovo acquisti attivi che si possano contestare. Vuoi che coinvolga una persona?',
    disputeConfirm: (m, a) =>
      `Vuoi che apra una contestazione per il tuo acquisto da ${m} (${a})? I pagamenti di quell'acquisto saranno sospesi durante la verifica. Rispondi sì o no.`,
    disputeOpened: (m, paused) =>
      `Ho aperto una contestazione per il tuo acquisto da ${m}.` +
      (paused ? " I pagamenti di quell'acquisto sono sospesi finché non sarà risolta." : ''),
    disputeCancelled: 'Va bene, non ho aperto nessuna contestazione. Posso aiutarti con altro?',
    disputeUnclear: 'Scusa, quale? Rispondi con un numero della lista o il nome del negozio.',
    disputeFailed: 'Non sono riuscito ad aprire la contestazione qui, quindi coinvolgo una persona.',
    fraudLocked: 'Ho bloccato il tuo account per proteggerlo: non si possono fare nuovi acquisti.',
    fraudHandoff:
      'Una persona del nostro team antifrode ora prende in carico la conversazione. La vedrà tutta, quindi non dovrai ripetere nulla.',
  },
  nl: {
    greeting:
      'Hoi! Ik ben de AI-assistent van Tandem, geen mens. Ik help met betalingen, terugbetalingen en geschillen. Je kunt altijd vragen om een medewerker.',
    hello: 'Hoi! Waarmee kan ik je helpen?',
    thanks: 'Graag gedaan! Kan ik nog ergens mee helpen?',
    goodbye: 'Tot ziens, het beste!',
    handoff:
      'Ik schakel nu een medewerker van ons team in. Die ziet het hele gesprek, dus je hoeft niets te herhalen.',
    empathy: 'Het spijt me dat dit zo frustrerend was.',
    urgent:
      'Het spijt me echt dat je dit meemaakt. Ik verbind je meteen met een medewerker. Ben je in gevaar, bel dan 112.',
    hardship: 'Het spijt me dat het nu moeilijk is. Er zijn mogelijkheden die kunnen helpen.',
    complaint: 'Het spijt me wat je hebt meegemaakt, en ik wil dat het goed wordt afgehandeld.',
    dontKnow:
      'Ik weet niet zeker of ik het begrepen heb, en ik wil niet gokken. Kun je het anders zeggen, of zal ik een medewerker inschakelen?',
    loginNeeded:
      'Om je account te bekijken moet ik weten dat jij het bent: open deze chat in de Tandem-app terwijl je bent ingelogd, dan weet ik wie je bent. Intussen kan ik algemene vragen beantwoorden of een medewerker inschakelen.',
    notAutomated:
      'Dat kan ik in de chat nog niet voor je doen: je kunt het in de Tandem-app doen, of een medewerker van ons team helpt je. Zal ik iemand inschakelen?',
    articleInEnglish: 'Dit helpartikel is in het Engels:',
    nextPayment: (p) =>
      `Je volgende betaling is ${p.amount}, te betalen op ${p.date}, voor je aankoop bij ${p.merchant}.` +
      (p.lateFees ? ` Dit is inclusief ${p.lateFees} aan boetes voor te laat betalen.` : ''),
    overduePayment: (p) =>
      `Je betaling van ${p.amount} voor je aankoop bij ${p.merchant} moest op ${p.date} betaald zijn en is te laat.` +
      (p.lateFees ? ` Dit is inclusief ${p.lateFees} aan boetes voor te laat betalen.` : ''),
    noPayments: 'Je hebt nu geen betalingen openstaan.',
    scheduleIntro: 'Je komende termijnen:',
    scheduleLine: (p) => `${p.merchant}: ${p.amount} op ${p.date}`,
    noSchedule: 'Je hebt geen komende termijnen.',
    refundsIntro: 'Je laatste terugbetalingen en retouren:',
    refundLine: (m, a, s) =>
      `${m}: terugbetaling van ${a}, ${{ pending: 'in behandeling', processed: 'uitbetaald', failed: 'mislukt' }[s]}`,
    returnLine: (m, s) =>
      `${m}: retour ${{ requested: 'aangemeld', in_transit: 'onderweg naar de winkel', received: 'ontvangen door de winkel', rejected: 'afgewezen door de winkel' }[s]}`,
    noRefunds: 'Ik vind geen terugbetalingen of retouren op je account.',
    disputeChoose: 'Om welke aankoop gaat het? Antwoord met het nummer of de naam van de winkel:',
    disputeNone:
      'Ik vind geen actieve aankoop waarover een geschil kan worden geopend. Zal ik een medewerker inschakelen?',
    disputeConfirm: (m, a) =>
      `Wil je dat ik een geschil open voor je aankoop bij ${m} (${a})? De betalingen voor die aankoop worden gepauzeerd tijdens het onderzoek. Antwoord ja of nee.`,
    disputeOpened: (m, paused) =>
      `Ik heb een geschil geopend voor je aankoop bij ${m}.` +
      (paused ? ' De betalingen voor die aankoop zijn gepauzeerd tot het is opgelost.' : ''),
    disputeCancelled: 'Oké, ik heb geen geschil geopend. Kan ik nog ergens mee helpen?',
    disputeUnclear: 'Sorry, welke? Antwoord met een nummer uit de lijst of de naam van de winkel.',
    disputeFailed: 'Ik kon het geschil hier niet openen, dus ik schakel een medewerker in.',
    fraudLocked:
      'Ik heb je account geblokkeerd om het te beschermen, er kunnen geen nieuwe aankopen worden gedaan.',
    fraudHandoff:
      'Een medewerker van ons fraudeteam neemt het nu over. Die ziet het hele gesprek, dus je hoeft niets te herhalen.',
  },
  vi: {
    greeting:
      'Xin chào! Tôi là trợ lý AI của Tandem, không phải người thật. Tôi có thể giúp về thanh toán, hoàn tiền và khiếu nại. Bạn có thể yêu cầu nói chuyện với nhân viên bất cứ lúc nào.',
    hello: 'Xin chào! Tôi có thể giúp gì cho bạn?',
    thanks: 'Không có gì! Tôi có thể giúp gì thêm không?',
    goodbye: 'Tạm biệt, chúc bạn một ngày tốt lành!',
    handoff:
      'Tôi đang chuyển cho một nhân viên trong nhóm của chúng tôi. Họ sẽ thấy toàn bộ cuộc trò chuyện, nên bạn không cần nhắc lại gì cả.',
    empathy: 'Tôi rất tiếc vì chuyện này đã khiến bạn bực bội như vậy.',
    urgent:
      'Tôi thực sự rất tiếc vì bạn đang trải qua điều này. Tôi sẽ kết nối bạn với một nhân viên ngay. Nếu bạn đang gặp nguy hiểm, hãy gọi số khẩn cấp tại nơi bạn ở.',
    hardship: 'Tôi rất tiếc vì bạn đang gặp khó khăn. Có những lựa chọn có thể giúp bạn.',
    complaint: 'Tôi rất tiếc về trải nghiệm của bạn và muốn việc này được xử lý đúng cách.',
    dontKnow:
      'Tôi không chắc mình đã hiểu đúng và không muốn đoán. Bạn có thể nói lại theo cách khác, hoặc muốn tôi chuyển cho một nhân viên không?',
    loginNeeded:
      'Để xem tài khoản của bạn, tôi cần biết đó là bạn: hãy mở cuộc trò chuyện này trong ứng dụng Tandem khi đã đăng nhập, khi đó tôi sẽ biết bạn là ai. Trong lúc này tôi có thể trả lời câu hỏi chung, hoặc chuyển cho một nhân viên.',
    notAutomated:
      'Tôi chưa thể làm việc này cho bạn trong cuộc trò chuyện: bạn có thể làm trong ứng dụng Tandem, hoặc một nhân viên của chúng tôi có thể giúp. Bạn có muốn tôi chuyển cho nhân viên không?',
    articleInEnglish: 'Bài viết trợ giúp này bằng tiếng Anh:',
    nextPayment: (p) =>
      `Khoản thanh toán tiếp theo của bạn là ${p.amount}, đến hạn ngày ${p.date}, cho đơn hàng tại ${p.merchant}.` +
      (p.lateFees ? ` Số tiền này bao gồm phí trễ hạn ${p.lateFees}.` : ''),
    overduePayment: (p) =>
      `Khoản thanh toán ${p.amount} cho đơn hàng tại ${p.merchant} đã đến hạn ngày ${p.date} và đang quá hạn.` +
      (p.lateFees ? ` Số tiền này bao gồm phí trễ hạn ${p.lateFees}.` : ''),
    noPayments: 'Hiện tại bạn không có khoản thanh toán nào.',
    scheduleIntro: 'Các kỳ thanh toán sắp tới của bạn:',
    scheduleLine: (p) => `${p.merchant}: ${p.amount} vào ngày ${p.date}`,
    noSchedule: 'Bạn không có kỳ thanh toán nào sắp tới.',
    refundsIntro: 'Các khoản hoàn tiền và trả hàng gần đây của bạn:',
    refundLine: (m, a, s) =>
      `${m}: hoàn tiền ${a}, ${{ pending: 'đang xử lý', processed: 'đã hoàn', failed: 'không thành công' }[s]}`,
    returnLine: (m, s) =>
      `${m}: trả hàng ${{ requested: 'đã đăng ký', in_transit: 'đang gửi về cửa hàng', received: 'cửa hàng đã nhận', rejected: 'bị cửa hàng từ chối' }[s]}`,
    noRefunds: 'Tôi không tìm thấy khoản hoàn tiền hay trả hàng nào trong tài khoản của bạn.',
    disputeChoose: 'Bạn muốn khiếu nại đơn hàng nào? Hãy trả lời bằng số thứ tự hoặc tên cửa hàng:',
    disputeNone:
      'Tôi không tìm thấy đơn hàng đang hoạt động nào có thể khiếu nại. Bạn có muốn tôi chuyển cho nhân viên không?',
    disputeConfirm: (m, a) =>
      `Bạn có muốn tôi mở khiếu nại cho đơn hàng tại ${m} (${a}) không? Các khoản thanh toán cho đơn này sẽ được tạm dừng trong lúc xem xét. Hãy trả lời có hoặc không.`,
    disputeOpened: (m, paused) =>
      `Tôi đã mở khiếu nại cho đơn hàng tại ${m}.` +
      (paused ? ' Các khoản thanh toán cho đơn này được tạm dừng cho đến khi giải quyết xong.' : ''),
    disputeCancelled: 'Được, tôi chưa mở khiếu nại nào. Tôi có thể giúp gì thêm không?',
    disputeUnclear: 'Xin lỗi, đơn nào? Hãy trả lời bằng một số trong danh sách hoặc tên cửa hàng.',
    disputeFailed: 'Tôi không thể mở khiếu nại ở đây, nên tôi sẽ chuyển cho một nhân viên.',
    fraudLocked: 'Tôi đã khóa tài khoản của bạn để bảo vệ nó, nên không thể thực hiện giao dịch mua mới.',
    fraudHandoff:
      'Một nhân viên trong nhóm chống gian lận sẽ tiếp nhận ngay. Họ sẽ thấy toàn bộ cuộc trò chuyện, nên bạn không cần nhắc lại gì cả.',
  },
};
