import { describe, expect, it } from 'vitest';
import { answerErrors, answerText, questionChangeConflict, questionErrors, type Question } from '../../../shared/domain/questions';
import { demoEvent } from '../../../infra/local/seed';

const choice: Question = {
  id: 'workplace',
  type: 'choice',
  required: true,
  label: { nl: 'Waar werk je?' },
  options: [
    { id: 'municipality', label: { nl: 'Gemeente', en: 'Municipality' } },
    { id: 'province', label: { nl: 'Provincie' } },
  ],
};
const topics: Question = { id: 'topics', type: 'multiChoice', required: false, label: { en: 'Topics' }, options: [{ id: 'a', label: { en: 'A' } }, { id: 'b', label: { en: 'B' } }] };
const short: Question = { id: 'short', type: 'text', required: false, label: { en: 'Short' } };
const yesNo: Question = { id: 'case', type: 'yesNo', required: false, label: { nl: 'Casus?' } };

describe('questionErrors', () => {
  it('wants unique ids, a label, and options for (and only for) choices', () => {
    expect(questionErrors([choice, topics, short, yesNo])).toEqual([]);
    expect(questionErrors([choice, { ...choice }, { ...short, options: choice.options }, { ...topics, options: [topics.options![0]!] }, { ...yesNo, label: {} }]).map((error) => error.field)).toEqual([
      'questions.1.id',
      'questions.2.options',
      'questions.3.options',
      'questions.4.label',
    ]);
  });
});

describe('answerErrors', () => {
  it('accepts answers of the right type, and names each wrong one by its question', () => {
    const questions = [choice, topics, short, yesNo];
    expect(answerErrors(questions, { workplace: 'province', topics: ['a', 'b'], short: 'kort', case: false })).toEqual([]);
    expect(answerErrors(questions, { workplace: 'city', topics: ['a', 'a'], short: 'x'.repeat(201), case: 'ja', other: 'x' }).map((error) => error.field)).toEqual([
      'answers.workplace',
      'answers.topics',
      'answers.short',
      'answers.case',
      'answers.other',
    ]);
  });

  it('wants the required ones answered, but not the hidden ones (no longer asked)', () => {
    expect(answerErrors([choice], {})).toEqual([{ field: 'answers.workplace', message: 'is required' }]);
    expect(answerErrors([{ ...choice, hidden: true }], {})).toEqual([]);
    expect(answerErrors([{ ...choice, hidden: true }], { workplace: 'province' })).toEqual([{ field: 'answers.workplace', message: 'is not a question of this event' }]);
  });
});

describe('answerText', () => {
  it('reads answers as a person would: option labels in their language, else the other, yes or no, choices joined', () => {
    expect(answerText(choice, 'municipality', 'en')).toBe('Municipality');
    expect(answerText(choice, 'province', 'en')).toBe('Provincie');
    expect(answerText(topics, ['a', 'b'], 'nl')).toBe('A; B');
    expect(answerText(yesNo, true, 'nl')).toBe('ja');
    expect(answerText(yesNo, false, 'en')).toBe('no');
    expect(answerText(short, undefined, 'nl')).toBe('');
  });
});

describe('questionChangeConflict', () => {
  const given = [{ workplace: 'municipality', topics: ['b'] }];

  it('lets answered questions be relabelled, hidden or get options, and unanswered ones change freely', () => {
    expect(questionChangeConflict([choice, topics, short], [{ ...choice, hidden: true, label: { nl: 'Werkplek' } }, { ...topics, options: [...topics.options!, { id: 'c', label: { en: 'C' } }] }], given)).toBeUndefined();
  });

  it('refuses a new type, a chosen option removed, or an answered question removed', () => {
    expect(questionChangeConflict([choice], [{ ...choice, type: 'multiChoice' }], given)).toContain('type cannot change');
    expect(questionChangeConflict([topics], [{ ...topics, options: [topics.options![0]!, { id: 'c', label: { en: 'C' } }] }], given)).toContain('"b"');
    expect(questionChangeConflict([choice], [], given)).toContain('hide it instead');
  });
});

describe('the demo event', () => {
  it("asks the announcement's questions", () => {
    expect(demoEvent(new Date('2026-11-29T10:00:00Z')).questions.map((question) => [question.id, question.type])).toEqual([
      ['what-to-learn', 'longText'],
      ['own-case', 'yesNo'],
      ['own-case-topic', 'text'],
      ['workplace', 'choice'],
    ]);
  });
});
