import type { Language } from '../assistant/language/detect-language.js';

type Texts = Record<Language, string>;

/** Said when nobody who could take the conversation is online: plain, no promised time. */
export const NO_AGENT_ONLINE: Texts = {
  en: 'Nobody on our team who can help with this is online right now. You can ask us to contact you here as soon as someone is free, or leave a message and we will answer it.',
  sv: 'Just nu är ingen i vårt team som kan hjälpa till med detta inloggad. Du kan be oss höra av oss här så snart någon är ledig, eller lämna ett meddelande så svarar vi.',
  de: 'Gerade ist niemand aus unserem Team online, der dabei helfen kann. Sie können uns bitten, uns hier zu melden, sobald jemand frei ist, oder eine Nachricht hinterlassen.',
  fr: "Personne de notre équipe pouvant vous aider n'est en ligne pour le moment. Vous pouvez demander à être recontacté ici dès que quelqu'un est disponible, ou laisser un message.",
  es: 'Ahora mismo no hay nadie de nuestro equipo conectado que pueda ayudar con esto. Puede pedir que le contactemos aquí en cuanto alguien esté libre, o dejar un mensaje.',
  it: 'Al momento nessuno del nostro team che può aiutarti è online. Puoi chiederci di ricontattarti qui appena qualcuno è libero, oppure lasciare un messaggio.',
  nl: 'Er is nu niemand van ons team online die hiermee kan helpen. U kunt vragen of we contact opnemen zodra iemand vrij is, of een bericht achterlaten.',
  vi: 'Hiện không có nhân viên nào có thể hỗ trợ việc này đang trực tuyến. Bạn có thể yêu cầu chúng tôi liên hệ tại đây ngay khi có người rảnh, hoặc để lại tin nhắn.',
};

export const CALLBACK_CONFIRMED: Texts = {
  en: 'Thanks. We will contact you here as soon as someone from our team is free.',
  sv: 'Tack. Vi hör av oss här så snart någon i vårt team är ledig.',
  de: 'Danke. Wir melden uns hier, sobald jemand aus unserem Team frei ist.',
  fr: "Merci. Nous vous recontacterons ici dès qu'une personne de notre équipe sera disponible.",
  es: 'Gracias. Le contactaremos aquí en cuanto alguien de nuestro equipo esté libre.',
  it: 'Grazie. Ti ricontatteremo qui appena qualcuno del nostro team sarà libero.',
  nl: 'Bedankt. We nemen hier contact op zodra iemand van ons team vrij is.',
  vi: 'Cảm ơn bạn. Chúng tôi sẽ liên hệ tại đây ngay khi có nhân viên rảnh.',
};

/** `{name}` is the agent's display name. */
export const AGENT_JOINED: Texts = {
  en: '{name} from our team has joined; they can see everything you wrote, no need to repeat.',
  sv: '{name} från vårt team har anslutit och ser allt du har skrivit, du behöver inte upprepa något.',
  de: '{name} aus unserem Team ist dabei und sieht alles, was Sie geschrieben haben – Sie müssen nichts wiederholen.',
  fr: '{name} de notre équipe vous a rejoint et voit tout ce que vous avez écrit, inutile de répéter.',
  es: '{name}, de nuestro equipo, se ha unido y puede ver todo lo que escribió; no hace falta repetirlo.',
  it: '{name} del nostro team si è unito e vede tutto ciò che hai scritto, non serve ripetere.',
  nl: '{name} van ons team is erbij en ziet alles wat u schreef, u hoeft niets te herhalen.',
  vi: '{name} từ đội ngũ của chúng tôi đã tham gia và có thể xem mọi điều bạn đã viết, bạn không cần nhắc lại.',
};

export function agentJoinedText(language: Language, name: string): string {
  return AGENT_JOINED[language].replace('{name}', name);
}
