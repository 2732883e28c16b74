import { describe, expect, it } from 'vitest';
import type { Language } from '../language/detect-language.js';
import { redactCardNumbers } from './card-numbers.js';
import { extractEntities } from './extract-entities.js';

// A Wednesday.
const TODAY = '2025-06-04';
const MERCHANTS = [
  'Pixelport',
  'Oak & Ember Furniture',
  'Skönhetsrummet',
  'Little Sprout',
  'Grå Ull',
  'Teknikdepån',
];
const REFS = ['TDM-7K3Q9X', 'ORD-1A2B3C4D5E'];

const run = (text: string, language: Language = 'en', locale?: string) =>
  extractEntities(text, {
    language,
    today: TODAY,
    merchants: MERCHANTS,
    orderRefs: REFS,
    ...(locale ? { locale } : {}),
  });
const dates = (text: string, language: Language = 'en', locale?: string) =>
  run(text, language, locale).dates.map((d) => d.date);
const amounts = (text: string, language: Language = 'en') =>
  run(text, language).amounts.map((a) => [a.minor, a.currency]);

describe('extractEntities: amounts', () => {
  it.each([
    ['en', 'I paid $12.99 yesterday', [[1299, 'USD']]],
    ['en', 'it was €12.99', [[1299, 'EUR']]],
    ['en', 'charged USD 1,234.50 twice', [[123450, 'USD']]],
    ['en', 'a refund of 40 dollars', [[4000, 'USD']]],
    ['sv', 'jag betalade 1 234,50 kr', [[123450, 'SEK']]],
    [
      'sv',
      'dragningen på SEK 500 och 249:-',
      [
        [50000, 'SEK'],
        [24900, 'SEK'],
      ],
    ],
    ['sv', 'köpet på 1\u00a0234,50\u00a0kr', [[123450, 'SEK']]],
    ['de', 'Ich habe 12,99 € bezahlt', [[1299, 'EUR']]],
    ['de', 'Betrag 1.234,50 EUR', [[123450, 'EUR']]],
    ['fr', 'un débit de 12,99 € hier', [[1299, 'EUR']]],
    ['es', 'me cobraron 1.234,50 euros', [[123450, 'EUR']]],
    ['it', 'ho pagato 45,00 €', [[4500, 'EUR']]],
    ['nl', 'een betaling van € 19,95', [[1995, 'EUR']]],
    ['vi', 'tôi đã trả 250.000 ₫', [[250000, 'VND']]],
    ['en', 'the one for 89.50', [[8950, null]]],
  ] as const)('%s: %s', (language, text, expected) => {
    expect(amounts(text, language)).toEqual(expected);
  });

  it('does not read dates, list numbers or krona words as money', () => {
    expect(amounts('am 21.11. war das', 'de')).toEqual([]);
    expect(amounts('number 2 please')).toEqual([]);
    expect(amounts('jag vill ha en kronologisk lista', 'sv')).toEqual([]);
  });
});

describe('extractEntities: dates', () => {
  it.each([
    ['en', 'can I pay on 2025-06-20?', ['2025-06-20']],
    ['en', 'move it to 21 Nov', ['2025-11-21']],
    ['en', 'move it to June 18th', ['2025-06-18']],
    ['en', 'to the 21st of November 2025', ['2025-11-21']],
    ['en', 'on 6/18 please', ['2025-06-18']],
    ['en', 'tomorrow', ['2025-06-05']],
    ['en', 'the day after tomorrow', ['2025-06-06']],
    ['en', 'next Friday', ['2025-06-06']],
    ['en', 'on wednesday', ['2025-06-11']],
    ['en', 'in two weeks', ['2025-06-18']],
    ['en', 'in 10 days', ['2025-06-14']],
    ['en', 'next week', ['2025-06-11']],
    ['sv', 'kan jag flytta den till 21 november?', ['2025-11-21']],
    ['sv', 'till fredag', ['2025-06-06']],
    ['sv', 'om två veckor', ['2025-06-18']],
    ['sv', 'i morgon', ['2025-06-05']],
    ['sv', 'den 18/6', ['2025-06-18']],
    ['de', 'bis zum 21.11.', ['2025-11-21']],
    ['de', 'am 18. Juni', ['2025-06-18']],
    ['de', 'nächsten Freitag', ['2025-06-06']],
    ['de', 'in zwei Wochen', ['2025-06-18']],
    ['de', 'übermorgen', ['2025-06-06']],
    ['fr', 'le 18 juin', ['2025-06-18']],
    ['fr', 'le 1er juillet', ['2025-07-01']],
    ['fr', 'vendredi prochain', ['2025-06-06']],
    ['fr', 'dans deux semaines', ['2025-06-18']],
    ['fr', 'demain', ['2025-06-05']],
    ['es', 'el 18 de junio', ['2025-06-18']],
    ['es', 'el próximo viernes', ['2025-06-06']],
    ['es', 'dentro de dos semanas', ['2025-06-18']],
    ['es', 'pasado mañana', ['2025-06-06']],
    ['it', 'il 18 giugno', ['2025-06-18']],
    ['it', 'venerdì', ['2025-06-06']],
    ['it', 'tra due settimane', ['2025-06-18']],
    ['it', 'domani', ['2025-06-05']],
    ['nl', 'op 18 juni', ['2025-06-18']],
    ['nl', 'volgende vrijdag', ['2025-06-06']],
    ['nl', 'over twee weken', ['2025-06-18']],
    ['nl', 'morgen', ['2025-06-05']],
    ['vi', 'ngày 18 tháng 6', ['2025-06-18']],
    ['vi', 'thứ sáu', ['2025-06-06']],
    ['vi', 'hai tuần nữa', ['2025-06-18']],
    ['vi', 'ngày mai', ['2025-06-05']],
  ] as const)('%s: %s', (language, text, expected) => {
    expect(dates(text, language)).toEqual(expected);
  });

  it('puts a day and month without a year in the nearest year', () => {
    expect(extractEntities('3 January', { language: 'en', today: '2025-12-20' }).dates[0]?.date).toBe(
      '2026-01-03',
    );
    expect(dates('the payment on 21 May', 'en')).toEqual(['2025-05-21']);
  });

  it('reads 11/06 day-first outside American English', () => {
    expect(dates('11/06', 'en', 'en-US')).toEqual(['2025-11-06']);
    expect(dates('11/06', 'en', 'en-GB')).toEqual(['2025-06-11']);
    expect(dates('11/06', 'fr')).toEqual(['2025-06-11']);
  });

  it('rejects impossible dates and does not read "guten Morgen" as tomorrow', () => {
    expect(dates('31 February')).toEqual([]);
    expect(dates('Guten Morgen, ich habe eine Frage', 'de')).toEqual([]);
    expect(dates('12.99 was the price')).toEqual([]);
  });

  it('keeps lengths of time apart from dates', () => {
    const e = run('can I postpone it by a week?');
    expect(e.dates).toEqual([]);
    expect(e.durations.map((d) => d.days)).toEqual([7]);
    expect(run('skjut upp den 10 dagar', 'sv').durations.map((d) => d.days)).toEqual([10]);
    expect(run('um eine Woche verschieben', 'de').durations.map((d) => d.days)).toEqual([7]);
    expect(run('de quince días', 'es').durations.map((d) => d.days)).toEqual([15]);
  });
});

describe('extractEntities: merchants and references', () => {
  it.each([
    ['the Pixelport order', ['Pixelport']],
    ['pixel port', ['Pixelport']],
    ['my pixleport purchase', ['Pixelport']],
    ['oak and ember', ['Oak & Ember Furniture']],
    ['köpet från skonhetsrummet', ['Skönhetsrummet']],
    ['Skönhetsrumet', ['Skönhetsrummet']],
    ['the tekinkdepan one', ['Teknikdepån']],
    ['gra ull', ['Grå Ull']],
    ['Little Sprout', ['Little Sprout']],
  ])('%s → %j', (text, expected) => {
    expect(run(text).merchants).toEqual(expected);
  });

  it('does not see a store in ordinary words', () => {
    expect(run("I'm a little late with my payment").merchants).toEqual([]);
    expect(run('the oak table was broken').merchants).toEqual([]);
    expect(run('I want to pay').merchants).toEqual([]);
  });

  it('finds the customer own references however they are typed, and new-looking ones as written', () => {
    expect(run('order TDM-7K3Q9X').orderRefs).toEqual(['TDM-7K3Q9X']);
    expect(run('tdm 7k3q9x please').orderRefs).toEqual(['TDM-7K3Q9X']);
    expect(run('tdm7k3q9x').orderRefs).toEqual(['TDM-7K3Q9X']);
    expect(run('what about ABC-12345?').orderRefs).toEqual(['ABC-12345']);
    expect(run('I want to pre-order and re-send it').orderRefs).toEqual([]);
  });
});

describe('card numbers', () => {
  it('notices a typed card number and redacts it, however it is grouped', () => {
    expect(run('my new card is 4242 4242 4242 4242').cardNumber).toBe(true);
    expect(run('4242-4242-4242-4242').cardNumber).toBe(true);
    expect(run('pay TDM-7K3Q9X 12.50 on 18 June').cardNumber).toBe(false);
    expect(redactCardNumbers('card 4242424242424242 exp 12/30')).toBe('card [card number removed] exp 12/30');
    expect(redactCardNumbers('ring +46 70 123 45 67')).toBe('ring +46 70 123 45 67');
  });
});
