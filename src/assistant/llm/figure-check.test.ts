import { describe, expect, it } from 'vitest';
import { LANGUAGES, type Language } from '../language/detect-language.js';
import { formatAmount, formatDate, localeFor } from '../responder/format.js';
import { REPLIES } from '../responder/replies.js';
import { checkGeneratedReply, extractFigures } from './figure-check.js';

const check = (generated: string, template: string, language: Language, customerText = '') =>
  checkGeneratedReply({ generated, template, customerText, language });

describe('figure check: extraction', () => {
  it.each([
    ['en-US', '€1,234.50 due November 21, 2026', '1234.5', '2026-11-21'],
    ['en-GB', '£1,234.50 due 21 November 2026', '1234.5', '2026-11-21'],
    ['sv', '1 234,50 kr senast 21 november 2026', '1234.5', '2026-11-21'],
    ['de', '1.234,50 € fällig am 21. November 2026', '1234.5', '2026-11-21'],
    ['fr', '1 234,50 € à régler le 21 novembre 2026', '1234.5', '2026-11-21'],
    ['es', '1234,50 € con vencimiento el 21 de noviembre de 2026', '1234.5', '2026-11-21'],
    ['it', '1234,50 € con scadenza il 21 novembre 2026', '1234.5', '2026-11-21'],
    ['nl', '€ 1.234,50 te betalen op 21 november 2026', '1234.5', '2026-11-21'],
    ['vi', '1.234,50 € đến hạn ngày 21 tháng 11, 2026', '1234.5', '2026-11-21'],
  ])('%s: reads the amount and the date as one figure each', (_locale, text, amount, date) => {
    const figures = extractFigures(text);
    expect(figures.numbers).toEqual([amount]);
    expect(figures.dates).toEqual([date]);
  });

  it.each([
    ['21 Nov', '11-21'],
    ['Nov 21st', '11-21'],
    ['2026-11-21', '2026-11-21'],
    ['21.11.2026', '2026-11-21'],
    ['am 21.11.', '11-21'],
    ['21-11-2026', '2026-11-21'],
    ['le 1er mars', '03-01'],
    ['el 5 de mayo', '05-05'],
    ['il 3 gennaio', '01-03'],
    ['op 4 mrt', '03-04'],
    ['ngày 21 tháng 11', '11-21'],
  ])('reads the short date form %j', (text, date) => {
    expect(extractFigures(text).dates).toEqual([date]);
  });

  it('keeps percentages apart from plain numbers and reads statuses, currencies and weekdays', () => {
    expect(extractFigures('a 15 % fee, paid 3 times').numbers).toEqual(['15%', '3']);
    expect(extractFigures('Your refund is overdue, 12 kr').facts).toEqual(
      expect.arrayContaining(['status:overdue', 'currency:SEK']),
    );
    expect(extractFigures('due on Friday').facts).toEqual(['weekday']);
    expect(extractFigures('$12.50').facts).toEqual(['currency:USD']);
  });
});

describe('figure check: the real templates in every language', () => {
  const line = (language: Language) => {
    const locale = localeFor(language, null);
    return {
      locale,
      amount: formatAmount(123_450, 'SEK', locale),
      date: formatDate('2026-11-21', locale),
      template: REPLIES[language].nextPayment({
        merchant: 'Nordic Shoes',
        amount: formatAmount(123_450, 'SEK', locale),
        date: formatDate('2026-11-21', locale),
        lateFees: null,
      }),
    };
  };

  it.each(LANGUAGES)('%s: accepts the template itself', (language) => {
    const { template } = line(language);
    expect(check(template, template, language)).toEqual({ ok: true });
  });

  it.each(LANGUAGES)('%s: rejects a changed amount, a changed date, and a dropped date', (language) => {
    const { template, amount, date, locale } = line(language);
    const otherAmount = template.replace(amount, formatAmount(123_550, 'SEK', locale));
    const otherDate = template.replace(date, formatDate('2026-11-22', locale));
    const noDate = template.replace(date, '');
    expect(check(otherAmount, template, language)).toMatchObject({ ok: false, reason: 'invented_figure' });
    expect(check(otherDate, template, language)).toMatchObject({ ok: false, reason: 'invented_figure' });
    expect(check(noDate, template, language)).toMatchObject({ ok: false, reason: 'dropped_figure' });
  });

  it.each(LANGUAGES)('%s: rejects an overdue status the template did not have', (language) => {
    const { template } = line(language);
    const overdue = extractFigures(
      REPLIES[language].overduePayment({ merchant: 'X', amount: '1', date: '2', lateFees: null }),
    );
    expect(overdue.facts).toContain('status:overdue');
    const words: Record<Language, string> = {
      en: 'It is overdue.',
      sv: 'Den är försenad.',
      de: 'Sie ist überfällig.',
      fr: 'Il est en retard.',
      es: 'Está atrasado.',
      it: 'È in ritardo.',
      nl: 'Het is te laat.',
      vi: 'Khoản này đang quá hạn.',
    };
    expect(check(`${template} ${words[language]}`, template, language)).toMatchObject({
      ok: false,
      reason: 'invented_status',
    });
  });
});

describe('figure check: rephrasings', () => {
  const sv =
    'Din nästa betalning är 1 234,50 kr och ska betalas senast 21 november 2026, för ditt köp hos Nordic Shoes.';
  const en = 'Your next payment is $45.00, due November 21, 2026, for your purchase at Nordic Shoes.';

  it('accepts a friendlier wording with the same figures, including short date forms', () => {
    expect(
      check('Hej! Nästa betalning: 1 234,50 kr, senast den 21 nov 2026 (Nordic Shoes).', sv, 'sv'),
    ).toEqual({ ok: true });
    expect(check('Sure! You owe $45 to Nordic Shoes by Nov 21, 2026.', en, 'en')).toEqual({ ok: true });
    expect(check('No worries: $45.00 for Nordic Shoes is due on 11/21/2026.', en, 'en')).toEqual({
      ok: true,
    });
  });

  it('rejects invented amounts, fees, dates, weekdays and relative days', () => {
    expect(check('Your next payment is $45.00 plus a $5 fee, due Nov 21, 2026.', en, 'en')).toMatchObject({
      reason: 'invented_figure',
    });
    expect(check('Your next payment is $45.00, due Nov 28, 2026.', en, 'en')).toMatchObject({
      reason: 'invented_figure',
    });
    expect(check('Your next payment is $45.00, due Friday, Nov 21, 2026.', en, 'en')).toMatchObject({
      reason: 'invented_status',
    });
    expect(check('Your next payment of $45.00 is due tomorrow, Nov 21, 2026.', en, 'en')).toMatchObject({
      reason: 'invented_status',
    });
    expect(check('Pay $45.00 by Nov 21, 2026, or 4.99% interest applies.', en, 'en')).toMatchObject({
      reason: 'invented_figure',
    });
  });

  it('rejects a different currency for the same number', () => {
    expect(check('Din nästa betalning är 1 234,50 € senast 21 november 2026.', sv, 'sv')).toMatchObject({
      reason: 'invented_status',
    });
  });

  it('allows repeating a figure the customer wrote', () => {
    const template = 'Your next payment is $45.00, due November 21, 2026.';
    expect(
      check('You mentioned order 4471: your next payment is $45.00, due November 21, 2026.', template, 'en'),
    ).toMatchObject({
      reason: 'invented_figure',
    });
    expect(
      check(
        'You mentioned order 4471: your next payment is $45.00, due November 21, 2026.',
        template,
        'en',
        'about order 4471',
      ),
    ).toEqual({ ok: true });
  });

  it('rejects empty, overlong, other-language, linked and advising replies', () => {
    expect(check('   ', en, 'en')).toMatchObject({ reason: 'empty' });
    expect(check(`${en} ${'Really. '.repeat(80)}`, en, 'en')).toMatchObject({ reason: 'too_long' });
    expect(
      check(
        'Your next payment is $45.00, due November 21, 2026, for your purchase at Nordic Shoes.',
        en,
        'sv',
      ),
    ).toMatchObject({ reason: 'wrong_language' });
    expect(check(`${en} Pay at https://tandem-pay.example.com now.`, en, 'en')).toMatchObject({
      reason: 'new_link',
    });
    expect(check(`${en} You could invest the rest in index funds.`, en, 'en')).toMatchObject({
      reason: 'advice',
    });
    expect(check(`${en} Remember it may be tax deductible.`, en, 'en')).toMatchObject({ reason: 'advice' });
  });
});
