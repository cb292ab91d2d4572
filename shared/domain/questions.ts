import type { FieldError } from './errors';
import type { Language } from './event';

/**
 * The organiser's own questions on the form ("What do you want to learn?"). Each answer is kept
 * with the registration, as personal data: erased with it, shown to the person in their download.
 */
export const QUESTION_TYPES = ['text', 'longText', 'choice', 'multiChoice', 'yesNo'] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];

/** A text in Dutch, English or both: the form shows the participant's language, else the other. */
export type Texts = Partial<Record<Language, string>>;

export interface QuestionOption {
  id: string;
  label: Texts;
}

export interface Question {
  id: string;
  type: QuestionType;
  required: boolean;
  label: Texts;
  help?: Texts;
  options?: QuestionOption[];
  /** No longer asked; its answers stay (a question that has answers cannot be removed). */
  hidden?: boolean;
}

export type Answer = string | string[] | boolean;
export type Answers = Record<string, Answer>;

export const MAX_QUESTIONS = 20;
export const TEXT_ANSWER_MAX = { text: 200, longText: 2000 } as const;

const isChoice = (type: QuestionType) => type === 'choice' || type === 'multiChoice';

/** The text in the reader's language, else in the other one. */
export const textIn = (texts: Texts | undefined, language: Language): string => texts?.[language] ?? texts?.[language === 'nl' ? 'en' : 'nl'] ?? '';

/** What the schema cannot say about a list of questions: ids unique, options where (and only where) a choice needs them. */
export function questionErrors(questions: readonly Question[]): FieldError[] {
  const errors: FieldError[] = [];
  const seen = new Set<string>();
  questions.forEach((question, index) => {
    const at = `questions.${index}`;
    if (seen.has(question.id)) errors.push({ field: `${at}.id`, message: `is used by another question: ids must be unique` });
    seen.add(question.id);
    if (!question.label.nl && !question.label.en) errors.push({ field: `${at}.label`, message: 'needs a text in nl or en' });
    const options = question.options ?? [];
    if (isChoice(question.type) && options.length < 2) errors.push({ field: `${at}.options`, message: 'a choice needs at least two options' });
    if (!isChoice(question.type) && options.length > 0) errors.push({ field: `${at}.options`, message: `only choice questions have options` });
    const optionIds = new Set<string>();
    options.forEach((option, optionIndex) => {
      if (optionIds.has(option.id)) errors.push({ field: `${at}.options.${optionIndex}.id`, message: 'is used by another option of this question' });
      optionIds.add(option.id);
      if (!option.label.nl && !option.label.en) errors.push({ field: `${at}.options.${optionIndex}.label`, message: 'needs a text in nl or en' });
    });
  });
  return errors;
}

/** An answer's field in errors and on the form: `answers.<questionId>`. */
export const answerField = (questionId: string) => `answers.${questionId}`;

/** Answers checked against the event's questions: unknown ids, wrong types, unknown options, missing required ones. */
export function answerErrors(questions: readonly Question[], answers: Answers): FieldError[] {
  const errors: FieldError[] = [];
  const asked = new Map(questions.filter((question) => !question.hidden).map((question) => [question.id, question]));
  for (const [id, answer] of Object.entries(answers)) {
    const question = asked.get(id);
    if (!question) {
      errors.push({ field: answerField(id), message: 'is not a question of this event' });
      continue;
    }
    const problem = answerProblem(question, answer);
    if (problem) errors.push({ field: answerField(id), message: problem });
  }
  for (const question of asked.values()) {
    if (question.required && isUnanswered(answers[question.id])) errors.push({ field: answerField(question.id), message: 'is required' });
  }
  return errors;
}

const isUnanswered = (answer: Answer | undefined) => answer === undefined || (typeof answer === 'string' && answer.trim() === '') || (Array.isArray(answer) && answer.length === 0);

function answerProblem(question: Question, answer: Answer): string | undefined {
  const optionIds = new Set((question.options ?? []).map((option) => option.id));
  switch (question.type) {
    case 'text':
    case 'longText':
      if (typeof answer !== 'string') return 'must be text';
      return answer.length > TEXT_ANSWER_MAX[question.type] ? `must be at most ${TEXT_ANSWER_MAX[question.type]} characters` : undefined;
    case 'yesNo':
      return typeof answer === 'boolean' ? undefined : 'must be true or false';
    case 'choice':
      return typeof answer === 'string' && optionIds.has(answer) ? undefined : `must be one of: ${[...optionIds].join(', ')}`;
    case 'multiChoice':
      if (!Array.isArray(answer) || answer.some((choice) => !optionIds.has(choice))) return `must be a list of: ${[...optionIds].join(', ')}`;
      return new Set(answer).size === answer.length ? undefined : 'names an option twice';
  }
}

/** An answer as a person reads it: option labels in their language, yes or no, choices joined. */
export function answerText(question: Question, answer: Answer | undefined, language: Language): string {
  if (answer === undefined) return '';
  const label = (optionId: string) => textIn(question.options?.find((option) => option.id === optionId)?.label, language) || optionId;
  if (typeof answer === 'boolean') return answer ? (language === 'nl' ? 'ja' : 'yes') : language === 'nl' ? 'nee' : 'no';
  if (Array.isArray(answer)) return answer.map(label).join('; ');
  return isChoice(question.type) ? label(answer) : answer;
}

/**
 * Why a change of the questions would make existing answers meaningless, or undefined: a
 * question with answers may be hidden, relabelled or get options, but not change type, lose
 * an option someone chose, or disappear.
 */
export function questionChangeConflict(before: readonly Question[], after: readonly Question[], given: readonly Answers[]): string | undefined {
  const next = new Map(after.map((question) => [question.id, question]));
  for (const question of before) {
    const answers = given.map((answers) => answers[question.id]).filter((answer): answer is Answer => answer !== undefined);
    if (answers.length === 0) continue;
    const changed = next.get(question.id);
    if (!changed) return `Question "${question.id}" has answers: hide it instead of removing it.`;
    if (changed.type !== question.type) return `Question "${question.id}" has answers: its type cannot change from ${question.type} to ${changed.type}.`;
    const kept = new Set((changed.options ?? []).map((option) => option.id));
    const chosen = new Set(answers.flatMap((answer) => (typeof answer === 'string' ? [answer] : Array.isArray(answer) ? answer : [])));
    const lost = isChoice(question.type) ? [...chosen].filter((optionId) => !kept.has(optionId)) : [];
    if (lost.length > 0) return `Question "${question.id}": option ${lost.map((id) => `"${id}"`).join(', ')} was chosen and cannot be removed.`;
  }
  return undefined;
}
