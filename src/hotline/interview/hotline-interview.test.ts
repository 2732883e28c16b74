import { beforeAll, describe, expect, it } from 'vitest';
import type { Language } from '../../assistant/language/detect-language.js';
import { loadSentimentModel } from '../../assistant/sentiment/sentiment-model-file.js';
import { loadDemoPersonas } from '../persona/load-demo-personas.js';
import type { Persona } from '../persona/persona.js';
import { createHotlineInterview } from './create-hotline-interview.js';
import type { HotlineInterview, InterviewTurn } from './interview-port.js';

let persona: Persona;
beforeAll(async () => {
  [persona] = (await loadDemoPersonas()) as [Persona];
});

/** Plays a call: the opening, then one caller line per turn. Returns every persona turn. */
async function call(interview: HotlineInterview, language: Language, lines: readonly string[]) {
  const turns: InterviewTurn[] = [interview.open(persona, language)];
  for (const line of lines) turns.push(await interview.respond(persona, language, turns.at(-1)!.state, line));
  const last = turns.at(-1)!;
  return {
    turns,
    last,
    outcome: interview.outcome(persona, language, last.state),
    said: (i: number) => turns[i]!.replies.join(' '),
  };
}

const questionsIn = (text: string) => (text.match(/\?/g) ?? []).length;
const PROMISES =
  /\b(I will|I'll fix|we will fix|we'll fix|I promise|we promise|we will refund|we'll refund|guarantee)\b/i;

describe('the feedback interview in English', () => {
  const interview = createHotlineInterview();

  it('opens with the disclosure, then asks one question', () => {
    const open = interview.open(persona, 'en');
    expect(open.replies[0]).toBe(persona.disclosure.en);
    expect(open.replies[0]).toMatch(/AI version of Jonas Ekholm/);
    expect(open.replies[0]).toMatch(/recorded and transcribed/);
    expect(open.replies[1]).toBe(
      'What would you like to tell me about Tandem Pay: something that happened, an idea, or a question about us?',
    );
    expect(questionsIn(open.replies.join(' '))).toBe(1);
    expect(open.finished).toBe(false);
  });

  it('draws out what happened, why it matters and what to change, reads it back, takes one correction, records the follow-up wish', async () => {
    const { turns, said, last, outcome } = await call(interview, 'en', [
      'well the app crashed when i tried to pay for my shoes and it was so frustrating',
      'because i was afraid of getting a late fee',
      'i would add a way to pay on the website when the app is down',
      'no it happened on the checkout page not in the app',
      'yes please',
    ]);
    // One question per turn, in order.
    for (const turn of turns.slice(0, -1)) expect(questionsIn(turn.replies.join(' '))).toBe(1);
    expect(said(1)).toMatch(/I'm sorry/);
    expect(said(1)).toMatch(/How did that affect you\?/);
    expect(said(2)).toMatch(/If you could change one thing about it, what would it be\?/);
    expect(said(3)).toMatch(/^So: the app crashed when you tried to pay for your shoes/);
    expect(said(3)).toMatch(/it matters because you were afraid of getting a late fee/);
    expect(said(3)).toMatch(
      /and you'd add a way to pay on the website when the app is down\. Did I get that right\?$/,
    );
    expect(said(4)).toMatch(/correction: it happened on the checkout page not in the app/);
    expect(said(4)).toMatch(/Would you like to hear back when something changes\?/);
    expect(said(5)).toMatch(/The team reads every call/);
    expect(last.finished).toBe(true);

    expect(outcome.wantsFollowUp).toBe(true);
    const [main, change] = outcome.feedbackItems;
    expect(main).toMatchObject({ kind: 'bug' });
    expect(main!.quote).toContain('the app crashed when i tried to pay for my shoes');
    expect(main!.quote).toContain('checkout page');
    expect(change).toMatchObject({
      kind: 'feature_request',
      quote: 'i would add a way to pay on the website when the app is down',
    });
    expect(outcome.summary).toMatch(/reported a problem: the app crashed when they tried to pay/);
    expect(outcome.summary).toMatch(/They want to hear back/);
    expect(outcome.summary).not.toMatch(/ended before/);
  });

  it('answers "that is right" and records no follow-up wish', async () => {
    const { said, outcome } = await call(interview, 'en', [
      'i love how easy it is to split a payment',
      'it helps me plan my month',
      'maybe a reminder the day before',
      'yeah thats right',
      'no thanks',
    ]);
    expect(said(1)).toMatch(/good to hear/);
    expect(said(4)).toMatch(/hear back/);
    expect(outcome.wantsFollowUp).toBe(false);
    expect(outcome.feedbackItems.map((i) => i.kind)).toEqual(['praise', 'feature_request']);
  });

  it('asks what to correct after a bare "no", once', async () => {
    const { said, outcome } = await call(interview, 'en', [
      'the reminder emails come too late',
      'i almost missed a payment',
      'send them three days earlier',
      'nope',
      'they come on the due date itself',
      'sure',
    ]);
    expect(said(4)).toBe('Sorry about that. What should I correct?');
    expect(said(5)).toMatch(/noted the correction: they come on the due date itself/);
    expect(said(5)).toMatch(/hear back/);
    expect(outcome.wantsFollowUp).toBe(true);
    expect(outcome.summary).toMatch(/corrected the read-back: they come on the due date itself/);
  });

  it('answers questions about the company from the corpus, in first person, and returns to the interview', async () => {
    const { turns, said } = await call(interview, 'en', [
      'who founded tandem pay',
      'why is it called tandem',
    ]);
    const founders = persona.corpus.find((p) => p.id === 'faq-founders')!;
    expect(turns[1]!.passageId).toBe('faq-founders');
    expect(turns[1]!.replies[0]).toBe(founders.text);
    expect(said(1)).toMatch(/by me, Jonas Ekholm/);
    expect(turns[1]!.replies.at(-1)).toMatch(/something that happened, or an idea/);
    expect(turns[2]!.passageId).toBe('mission-name');
    expect(questionsIn(said(2))).toBe(1);
  });

  it('answers mid-interview and asks the pending question again', async () => {
    const { turns } = await call(interview, 'en', [
      'my friend was charged interest and it confused her',
      'what do you think about late fees',
    ]);
    expect(turns[2]!.passageId).toBe('opinion-late-fees');
    expect(turns[2]!.replies.at(-1)).toBe('Back to you: How did that affect you?');
  });

  it('says it does not know rather than guessing', async () => {
    const { turns, outcome } = await call(interview, 'en', ['what is your favourite football team']);
    expect(turns[1]!.replies[0]).toBe("I don't know that — I'd rather not guess.");
    expect(turns[1]!.passageId).toBeNull();
    expect(outcome.feedbackItems).toEqual([
      expect.objectContaining({ kind: 'question', quote: 'what is your favourite football team' }),
    ]);
  });

  it('redirects account and money questions without any figures', async () => {
    for (const q of [
      'when is my next payment due',
      'how much do i owe you',
      'whats the status of my refund',
    ]) {
      const { turns } = await call(interview, 'en', [q]);
      const turn = turns[1]!;
      expect(turn.redirect, q).toBe('assistant');
      expect(turn.replies[0]).toMatch(
        /^I can't see accounts on this line; the assistant in the app or a person can help/,
      );
      expect(turn.replies.join(' ')).toContain(persona.humanContact.en!);
      expect(turn.replies.join(' ')).not.toMatch(/\$|\bkr\b|\d+\.\d\d/);
      expect(turn.passageId).toBeNull();
    }
  });

  it('takes a product problem that mentions paying with a card as feedback, not an account matter', async () => {
    const { turns } = await call(interview, 'en', [
      'the checkout page crashed when i tried to pay with my card',
    ]);
    expect(turns[1]!.redirect).toBeNull();
    expect(turns[1]!.replies.join(' ')).not.toMatch(/can't see accounts/);
    expect(turns[1]!.replies.at(-1)).toMatch(/\?$/);
  });
  it('never promises, whatever the caller asks for', async () => {
    const asks = [
      'will you fix it',
      'can you promise me this will change',
      'refund me now',
      'are you going to fix the app',
      'i want you to waive my late fee',
      'can you guarantee it wont happen again',
    ];
    for (const ask of asks) {
      const { turns } = await call(interview, 'en', ['the app crashed when i paid', ask]);
      const reply = turns[2]!.replies.join(' ');
      expect(reply, ask).toMatch(/I can't promise anything on this call, but the team reads every call/);
      expect(reply, ask).not.toMatch(PROMISES);
    }
  });

  it('hands over to a person when asked, and answers honestly about being an AI', async () => {
    const { turns } = await call(interview, 'en', [
      'can i speak to a real person',
      'wait am i talking to a robot',
    ]);
    expect(turns[1]!.redirect).toBe('human');
    expect(turns[1]!.replies.join(' ')).toContain(persona.humanContact.en!);
    expect(turns[2]!.replies[0]).toMatch(/^I'm an AI version of Jonas Ekholm, not Jonas in person/);
  });

  it('re-prompts once on silence, then wraps up; the outcome of the cut-short call says so', async () => {
    const { turns, outcome } = await call(interview, 'en', ['the app is slow in the evenings', '', '  ']);
    expect(turns[2]!.replies[0]).toBe("Sorry, I didn't catch that.");
    expect(turns[2]!.finished).toBe(false);
    expect(turns[3]!.finished).toBe(true);
    expect(turns[3]!.replies.join(' ')).toMatch(/The team reads every call/);
    expect(outcome.feedbackItems[0]).toMatchObject({
      kind: 'complaint',
      quote: 'the app is slow in the evenings',
    });
    expect(outcome.wantsFollowUp).toBeNull();
    expect(outcome.summary).toMatch(/ended before the interview was complete/);
  });

  it('greets back, and waits for the point when the caller only announces one', async () => {
    const { turns, said, outcome } = await call(interview, 'en', [
      'hello',
      'i have an idea',
      'a dark mode would be nice',
      'i want to give you some feedback',
    ]);
    expect(said(1)).toBe(
      'Hi! What would you like to tell me about Tandem Pay: something that happened, an idea, or a question about us?',
    );
    expect(said(2)).toBe("I'd like to hear it. What is your idea?");
    expect(said(3)).toBe("That's an interesting idea. Why would that matter to you?");
    expect(turns[3]!.state).toMatchObject({ what: 'a dark mode would be nice' });
    expect(outcome.feedbackItems[0]).toMatchObject({
      kind: 'feature_request',
      quote: 'a dark mode would be nice',
    });
  });

  it('takes "i have a question about …" as the question', async () => {
    const { turns } = await call(interview, 'en', ['i have a question about late fees']);
    expect(turns[1]!.passageId).toBe('opinion-late-fees');
  });

  it('wraps up politely on goodbye', async () => {
    const { last } = await call(interview, 'en', ['actually thats all bye']);
    expect(last.finished).toBe(true);
    expect(last.replies.join(' ')).toMatch(/Thank you for calling\. The team reads every call/);
  });

  it('flows with speech-recognition text: lower case, no punctuation, misheard words', async () => {
    const { turns, outcome } = await call(interview, 'en', [
      'um so the up crashed every time i open the payment screen',
      'cause i cant see what i owe and that stresses me out',
      'just make the screen load faster',
      'yep thats correct',
      'yeah sure',
    ]);
    expect(turns.map((t) => t.finished)).toEqual([false, false, false, false, false, true]);
    expect(turns[3]!.replies[0]).toMatch(
      /^So: the up crashed every time you open the payment screen, it matters because you can't see/,
    );
    expect(outcome.feedbackItems[0]!.kind).toBe('bug');
    expect(outcome.wantsFollowUp).toBe(true);
  });

  it('keeps personal data out of quotes and the summary', async () => {
    const { outcome } = await call(interview, 'en', [
      'i got an email from you at jane.doe@example.com asking for card 4111 1111 1111 1111 and it looked like a scam',
    ]);
    const text = JSON.stringify(outcome);
    expect(text).not.toContain('jane.doe@example.com');
    expect(text).not.toContain('4111 1111 1111 1111');
    expect(outcome.feedbackItems[0]!.quote).toContain('[email]');
  });

  it('gives a usable outcome for a call that ended before anything was said', () => {
    const open = interview.open(persona, 'en');
    const outcome = interview.outcome(persona, 'en', open.state);
    expect(outcome).toEqual({
      summary: expect.stringMatching(/did not share any feedback/),
      wantsFollowUp: null,
      feedbackItems: [],
    });
    expect(interview.outcome(persona, 'en', {}).feedbackItems).toEqual([]);
  });
});

describe('the feedback interview in Swedish', () => {
  const interview = createHotlineInterview();

  it('holds the whole interview in Swedish', async () => {
    const { turns, said, outcome } = await call(interview, 'sv', [
      'appen kraschade när jag skulle betala min tröja',
      'för att jag var rädd att få en påminnelseavgift',
      'jag skulle vilja att ni visar ett tydligt felmeddelande',
      'nej det var i kassan inte i appen',
      'ja gärna',
    ]);
    expect(turns[0]!.replies[0]).toBe(persona.disclosure.sv);
    expect(turns[0]!.replies[1]).toMatch(/^Vad vill du berätta för mig om Tandem Pay/);
    for (const turn of turns.slice(0, -1)) expect(questionsIn(turn.replies.join(' '))).toBe(1);
    expect(said(1)).toMatch(/Hur påverkade det dig\?/);
    expect(said(2)).toMatch(/Om du fick ändra en sak/);
    expect(said(3)).toMatch(
      /^Så: appen kraschade när du skulle betala din tröja, det spelar roll för att du var rädd/,
    );
    expect(said(3)).toMatch(
      /du skulle vilja att vi visar ett tydligt felmeddelande\. Har jag förstått rätt\?$/,
    );
    expect(said(4)).toMatch(/rättelsen: det var i kassan inte i appen/);
    expect(said(4)).toMatch(/Vill du få höra av oss när något ändras\?/);
    expect(said(5)).toMatch(/Teamet läser varje samtal/);
    expect(outcome.wantsFollowUp).toBe(true);
    expect(outcome.feedbackItems.map((i) => i.kind)).toEqual(['bug', 'feature_request']);
    expect(outcome.feedbackItems[0]!.quote).toContain('appen kraschade när jag skulle betala min tröja');
  });

  it('understands "stämmer" and "nej tack", and "stämmer inte" as a no', async () => {
    const yes = await call(interview, 'sv', [
      'det är krångligt att byta kort',
      'jag tappar tid',
      'en enklare knapp',
      'det stämmer',
      'nej tack',
    ]);
    expect(yes.said(4)).toMatch(/Vill du få höra av oss/);
    expect(yes.outcome.wantsFollowUp).toBe(false);
    const no = await call(interview, 'sv', [
      'det är krångligt att byta kort',
      'jag tappar tid',
      'en enklare knapp',
      'stämmer inte',
    ]);
    expect(no.said(4)).toBe('Förlåt. Vad ska jag rätta?');
  });

  it('answers from the Swedish corpus, redirects account questions and promises nothing', async () => {
    const { turns } = await call(interview, 'sv', [
      'vem grundade tandem pay',
      'när är min nästa betalning',
      'kommer ni att fixa det',
      'vad tycker du om fotboll',
    ]);
    expect(turns[1]!.passageId).toBe('faq-founders-sv');
    expect(turns[1]!.replies[0]).toMatch(/^Tandem Pay grundades i Stockholm 2018 av mig, Jonas Ekholm/);
    expect(turns[2]!.redirect).toBe('assistant');
    expect(turns[2]!.replies[0]).toMatch(/^Jag kan inte se konton på den här linjen/);
    expect(turns[3]!.replies[0]).toBe(
      'Jag kan inte lova något i det här samtalet, men teamet läser varje samtal.',
    );
    expect(turns[4]!.replies[0]).toBe('Det vet jag inte, och jag vill inte gissa.');
  });
});

describe('with the sentiment model', () => {
  it('hears a complaint the keyword cues miss and answers with empathy', async () => {
    const interview = createHotlineInterview({ sentiment: await loadSentimentModel() });
    const { said, outcome } = await call(interview, 'en', [
      'honestly this whole experience has been a nightmare',
    ]);
    expect(said(1)).toMatch(/I'm sorry that happened/);
    expect(outcome.feedbackItems[0]!.kind).toBe('complaint');
  });
});
