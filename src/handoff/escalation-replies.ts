import type { Language } from '../assistant/language/detect-language.js';

/** What the customer is told, besides "a person is coming", when a sensitive handoff happens. */
export interface EscalationCopy {
  /** Self-harm, abuse, violence: where to get help now. */
  safetyResources: string;
  /** Money worries: free, independent help exists besides us. */
  hardshipResources: string;
  vulnerable: string;
  legal: string;
  fraudVictim: string;
  disputeLarge: string;
}

export const ESCALATION_COPY: Record<Language, EscalationCopy> = {
  en: {
    safetyResources:
      'If you are thinking about harming yourself, you can call or text 988 (US) or your local crisis line at any time, free and confidential. In an emergency call 911 or 112.',
    hardshipResources:
      'Free, confidential debt advice is also available from independent non-profit counsellors in your area.',
    vulnerable: "I'm so sorry for what you are going through. A person will help you with care.",
    legal: 'I understand you want to take this further. A specialist will review it and reply here.',
    fraudVictim: "I'm sorry this happened. Our fraud team will look at it with you now.",
    disputeLarge: 'Because of the amount, a specialist will follow this dispute personally.',
  },
  sv: {
    safetyResources:
      'Om du tänker på att skada dig själv kan du alltid ringa Mind Självmordslinjen på 90101. Vid fara, ring 112.',
    hardshipResources: 'Din kommun erbjuder också kostnadsfri budget- och skuldrådgivning.',
    vulnerable: 'Jag är så ledsen för det du går igenom. En person hjälper dig med omsorg.',
    legal: 'Jag förstår att du vill gå vidare med det här. En specialist går igenom det och svarar här.',
    fraudVictim: 'Jag beklagar att det hänt. Vårt bedrägeriteam tittar på det med dig nu.',
    disputeLarge: 'På grund av beloppet följer en specialist ärendet personligen.',
  },
  de: {
    safetyResources:
      'Wenn Sie daran denken, sich etwas anzutun: Die TelefonSeelsorge ist rund um die Uhr kostenlos erreichbar unter 0800 111 0 111. Im Notfall wählen Sie 112.',
    hardshipResources:
      'Kostenlose Schuldnerberatung bieten auch Verbraucherzentralen und Wohlfahrtsverbände an.',
    vulnerable: 'Es tut mir sehr leid, was Sie gerade durchmachen. Eine Person hilft Ihnen mit Sorgfalt.',
    legal: 'Ich verstehe, dass Sie das weiterverfolgen möchten. Eine Fachkraft prüft es und antwortet hier.',
    fraudVictim: 'Es tut mir leid, dass das passiert ist. Unser Betrugsteam kümmert sich jetzt darum.',
    disputeLarge: 'Wegen des Betrags betreut eine Fachkraft diesen Einspruch persönlich.',
  },
  fr: {
    safetyResources:
      'Si vous pensez à vous faire du mal, appelez le 3114, gratuit et disponible 24h/24. En cas de danger, appelez le 112.',
    hardshipResources:
      "Des conseillers indépendants et gratuits (Points conseil budget) peuvent aussi vous aider face à l'endettement.",
    vulnerable:
      'Je suis vraiment désolé pour ce que vous traversez. Une personne va vous aider avec attention.',
    legal:
      'Je comprends que vous souhaitiez aller plus loin. Un spécialiste va examiner cela et vous répondre ici.',
    fraudVictim: 'Je suis désolé que cela vous soit arrivé. Notre équipe fraude s’en occupe avec vous.',
    disputeLarge: 'En raison du montant, un spécialiste suivra personnellement ce litige.',
  },
  es: {
    safetyResources:
      'Si piensas en hacerte daño, llama al 024, gratuito y disponible las 24 horas. En caso de peligro, llama al 112.',
    hardshipResources:
      'También hay asesoramiento gratuito e independiente sobre deudas en organizaciones de consumidores.',
    vulnerable: 'Siento mucho lo que estás pasando. Una persona te ayudará con cuidado.',
    legal: 'Entiendo que quieras llevar esto más lejos. Un especialista lo revisará y te responderá aquí.',
    fraudVictim: 'Siento que haya pasado esto. Nuestro equipo de fraude lo revisará contigo ahora.',
    disputeLarge: 'Por el importe, un especialista seguirá esta disputa personalmente.',
  },
  it: {
    safetyResources:
      'Se stai pensando di farti del male, puoi chiamare Telefono Amico allo 02 2327 2327. In caso di pericolo chiama il 112.',
    hardshipResources: 'Anche le associazioni dei consumatori offrono consulenza gratuita sui debiti.',
    vulnerable: 'Mi dispiace molto per quello che stai passando. Una persona ti aiuterà con attenzione.',
    legal: 'Capisco che vuoi procedere. Uno specialista esaminerà la questione e ti risponderà qui.',
    fraudVictim: 'Mi dispiace che sia successo. Il nostro team antifrode se ne occupa ora con te.',
    disputeLarge: "Per l'importo, uno specialista seguirà personalmente questa contestazione.",
  },
  nl: {
    safetyResources:
      'Denk je aan zelfmoord? Bel 113 Zelfmoordpreventie op 0800-0113, gratis en dag en nacht. Bij gevaar bel 112.',
    hardshipResources: 'Je gemeente biedt ook gratis en vertrouwelijke schuldhulpverlening.',
    vulnerable: 'Het spijt me heel erg wat je doormaakt. Een persoon helpt je met zorg.',
    legal: 'Ik begrijp dat je dit verder wilt brengen. Een specialist bekijkt het en antwoordt hier.',
    fraudVictim: 'Vervelend dat dit is gebeurd. Ons fraudeteam bekijkt het nu met je.',
    disputeLarge: 'Vanwege het bedrag volgt een specialist dit geschil persoonlijk.',
  },
  vi: {
    safetyResources:
      'Nếu bạn đang nghĩ đến việc làm hại bản thân, hãy liên hệ ngay người thân hoặc gọi cấp cứu 115. Khi gặp nguy hiểm, hãy gọi 113.',
    hardshipResources: 'Bạn cũng có thể tìm tư vấn miễn phí về nợ tại các tổ chức bảo vệ người tiêu dùng.',
    vulnerable: 'Tôi rất tiếc về những gì bạn đang trải qua. Một nhân viên sẽ hỗ trợ bạn tận tình.',
    legal: 'Tôi hiểu bạn muốn đưa việc này đi xa hơn. Một chuyên viên sẽ xem xét và trả lời tại đây.',
    fraudVictim: 'Tôi rất tiếc vì chuyện này. Đội chống gian lận sẽ cùng bạn xử lý ngay.',
    disputeLarge: 'Do số tiền lớn, một chuyên viên sẽ theo dõi khiếu nại này trực tiếp.',
  },
};
