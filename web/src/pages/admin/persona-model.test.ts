import { describe, expect, it } from 'vitest';
import {
  fieldErrors,
  fieldLabel,
  newPassageId,
  type Persona,
  personaFrom,
  personasFrom,
} from './persona-model';

describe('fieldErrors', () => {
  it('maps the API validation details onto form fields', () => {
    const errors = fieldErrors([
      { path: 'body.corpus.2.text', message: 'Too short' },
      { path: 'body.name', message: 'Required' },
      { message: 'Something about the whole persona' },
      'junk',
    ]);
    expect([...errors]).toEqual([
      ['corpus.2.text', 'Too short'],
      ['name', 'Required'],
      ['', 'Something about the whole persona'],
    ]);
    expect(fieldErrors(undefined).size).toBe(0);
  });
});

describe('fieldLabel', () => {
  it('names list items from one, as people count', () => {
    expect(fieldLabel('corpus.2.text')).toBe('Passage 3 · text');
    expect(fieldLabel('numbers.0.number')).toBe('Number 1 · number');
    expect(fieldLabel('humanContact.sv')).toBe('human contact · sv');
  });
});

describe('newPassageId', () => {
  it('never reuses an id already in the corpus', () => {
    const persona = {
      id: 'maja',
      corpus: [{ id: 'maja-passage-2' }, { id: 'x' }],
    } as unknown as Persona;
    expect(newPassageId(persona)).toBe('maja-passage-3');
  });
});

describe('personasFrom and personaFrom', () => {
  it('reads the list rows, and only a whole persona from GET/PUT by id', () => {
    const row = { id: 'p', name: 'Jonas', company: 'Tandem Pay', passages: 3 };
    expect(personasFrom({ personas: [row] })).toEqual([row]);
    expect(personasFrom(null)).toEqual([]);
    // A list row is not a persona the form can edit (no corpus, disclosure or contact).
    expect(personaFrom({ persona: row })).toBeUndefined();
    const whole = { ...row, corpus: [], disclosure: {}, humanContact: {}, voice: {} };
    expect(personaFrom({ persona: whole, updatedAt: 'x' })).toBe(whole);
  });
});
