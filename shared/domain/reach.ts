import { normaliseEmail, visibleStatus, type Registration } from './registration';
import { answerText, textIn, type Question } from './questions';
import type { Language } from './event';

/**
 * Whom the event reached, without profiling anyone: counts only, and every count below five
 * shown as "< 5", so no single person can be picked out of a small group.
 */
export const SMALL_CELL = 5;
export type ReachCount = number | '< 5';

export const suppressed = (count: number): ReachCount => (count < SMALL_CELL ? '< 5' : count);

export interface ReachReport {
  registered: ReachCount;
  attended: ReachCount;
  cancelled: ReachCount;
  firstTime: ReachCount;
  returning: ReachCount;
  questions: Array<{ id: string; label: string; options: Array<{ id: string; label: string; count: ReachCount }> }>;
  perDay: Array<{ date: string; count: ReachCount }>;
}

/** A registration that counts as reached: it holds a seat or a waitlist place (an unconfirmed hold does not). */
const holdsAPlace = (registration: Registration) => {
  const status = visibleStatus(registration);
  return status === 'confirmed' || status === 'waitlisted';
};

const dayIn = (iso: string, timeZone: string) => new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(iso));

/**
 * `seenBefore`: the normalised addresses of people registered for this organiser's earlier
 * events, read for this report and forgotten after it.
 */
export function reachReport(
  registrations: readonly Registration[],
  questions: readonly Question[],
  seenBefore: ReadonlySet<string>,
  event: { timeZone: string; language: Language },
): ReachReport {
  const reached = registrations.filter(holdsAPlace);
  const returning = reached.filter((registration) => registration.email && seenBefore.has(normaliseEmail(registration.email))).length;
  const perDay = new Map<string, number>();
  for (const registration of registrations) perDay.set(dayIn(registration.createdAt, event.timeZone), (perDay.get(dayIn(registration.createdAt, event.timeZone)) ?? 0) + 1);
  return {
    registered: suppressed(reached.length),
    attended: suppressed(reached.filter((registration) => registration.checkedInAt).length),
    cancelled: suppressed(registrations.filter((registration) => registration.status === 'cancelled').length),
    firstTime: suppressed(reached.length - returning),
    returning: suppressed(returning),
    questions: questions
      .filter((question) => question.type === 'choice' || question.type === 'multiChoice' || question.type === 'yesNo')
      .map((question) => {
        const choices = question.type === 'yesNo' ? [{ id: 'yes', answer: true }, { id: 'no', answer: false }] : (question.options ?? []).map((option) => ({ id: option.id, answer: option.id }));
        return {
          id: question.id,
          label: textIn(question.label, event.language),
          options: choices.map((choice) => ({
            id: choice.id,
            label: answerText(question, question.type === 'multiChoice' ? [choice.id] : choice.answer, event.language),
            count: suppressed(
              reached.filter((registration) => {
                const answer = registration.answers?.[question.id];
                return Array.isArray(answer) ? answer.includes(choice.id) : answer === choice.answer;
              }).length,
            ),
          })),
        };
      }),
    perDay: [...perDay.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([date, count]) => ({ date, count: suppressed(count) })),
  };
}
