import { describe, expect, it } from 'vitest';
import { luhnValid, redactPersonalData } from './redact-personal-data.js';

const redact = (text: string) => redactPersonalData(text).text;

describe('redactPersonalData', () => {
  it('removes card numbers however they are typed', () => {
    expect(redact('my card is 4111 1111 1111 1111 thanks')).toBe('my card is [card number removed] thanks');
    expect(redact('4111-1111-1111-1111')).toBe('[card number removed]');
    expect(redact('kortnummer 5555555555554444')).toBe('kortnummer [card number removed]');
    // Grouped like a card but mistyped (fails Luhn): still a card number to the customer.
    expect(redact('4111 1111 1111 1112')).toBe('[card number removed]');
    expect(redactPersonalData('378282246310005').found).toEqual({ card: 1 });
  });

  it('removes national identity numbers in the markets we serve', () => {
    expect(redact('mitt personnummer är 19811218-9876')).toBe('mitt personnummer är [national id]');
    expect(redact('811218-9876')).toBe('[national id]');
    expect(redact('SSN 078-05-1120')).toBe('SSN [national id]');
    expect(redact('mi DNI es 12345678Z')).toBe('mi DNI es [national id]');
    expect(redact('NIE X1234567L')).toBe('NIE [national id]');
    expect(redact('codice fiscale RSSMRA85T10A562S')).toBe('codice fiscale [national id]');
    expect(redact('numéro 1 84 12 76 451 089 46')).toBe('numéro [national id]');
    expect(redact('mijn bsn is 111222333')).toBe('mijn bsn is [national id]');
    expect(redact('số CCCD của tôi là 001203004567')).toBe('số CCCD của tôi là [national id]');
  });

  it('removes emails, IBANs and phone numbers', () => {
    expect(redact('write to elsa.lindqvist@example.se please')).toBe('write to [email] please');
    expect(redact('IBAN DE89 3704 0044 0532 0130 00')).toBe('IBAN [iban]');
    expect(redact('SE4550000000058398257466')).toBe('[iban]');
    expect(redact('ring mig på 070-123 45 67')).toBe('ring mig på [phone]');
    expect(redact('call +1 (415) 555-0132 now')).toBe('call [phone] now');
    expect(redact('0031 20 123 4567')).toBe('[phone]');
  });

  it('keeps amounts, dates, order references and ordinary numbers', () => {
    const keep = [
      'I paid 1 234,50 kr on 2026-11-21',
      'due 21.11.2026, €12.99',
      'order TDM-7K3Q9X for SEK 500',
      'ref 2026-0004-0012',
      'I have 3 installments left of 4',
      'postpone to 05/12/2026',
      'version 2.3.1, 45 % off',
    ];
    for (const text of keep) expect(redact(text)).toBe(text);
  });

  it('counts what it removed', () => {
    expect(redactPersonalData('a@b.se and c@d.com, 4111111111111111').found).toEqual({ email: 2, card: 1 });
  });

  it('can look for card numbers only', () => {
    expect(redactPersonalData('4111111111111111 a@b.se', ['card']).text).toBe('[card number removed] a@b.se');
  });

  it('checks Luhn', () => {
    expect(luhnValid('4111111111111111')).toBe(true);
    expect(luhnValid('4111111111111112')).toBe(false);
  });
});
