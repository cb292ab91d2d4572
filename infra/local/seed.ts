import { EventRepository } from '../../shared/adapters/dynamo/event-repository';
import type { EventRecord } from '../../shared/domain/event';
import { newEvent } from '../../shared/domain/event-changes';
import { reminderMailings } from '../../shared/domain/mailing';

export const DEMO_EVENT_ID = 'masterclass-demo';
export const DEMO_ORGANISATION_ID = 'demo-organisation';

/** 7 December of this year, or of next year once it has passed. */
function nextSeventhOfDecember(now: Date): number {
  const thisYear = now.getUTCFullYear();
  return Date.UTC(thisYear, 11, 7, 17) > now.getTime() ? thisYear : thisYear + 1;
}

/** A one-day masterclass for civil servants, in the spirit of the announcement in shared/seed. */
export function demoEvent(now: Date): EventRecord {
  const year = nextSeventhOfDecember(now);
  const at = (time: string) => `${year}-12-07T${time}:00+01:00`;
  return newEvent(
    {
      title: 'Iedereen aan tafel: masterclass inclusieve burgerparticipatie',
      description:
        'Een praktische dag voor beleidsmakers en ambtenaren van gemeenten, provincies en waterschappen. ' +
        'Je leert hoe je ook de mensen bereikt die zelden meepraten, je oefent met je eigen casus en je gaat naar huis met een actieplan. ' +
        'Aan het eind krijg je een certificaat.',
      startsAt: at('09:00'),
      endsAt: at('17:30'),
      timeZone: 'Europe/Amsterdam',
      venue: { name: 'Stadskantoor, zaal De Ontmoeting', address: 'Stationsplein 1, Utrecht' },
      capacity: 30,
      waitlistEnabled: true,
      language: 'nl',
      programme: [
        { startsAt: at('09:00'), title: 'Welkom en kennismaking: wat wil jij vandaag leren?' },
        { startsAt: at('09:15'), title: 'Wie doet er mee, en wie niet? Cijfers uit recent onderzoek' },
        { startsAt: at('09:45'), title: 'Je eigen praktijk: uitdagingen en inzichten delen' },
        { startsAt: at('10:15'), title: 'Communiceren zodat iedereen het begrijpt' },
        { startsAt: at('11:00'), title: 'Pauze' },
        { startsAt: at('11:15'), title: 'Praktijkverhaal: een gemeente over weerstand en terugkoppeling' },
        { startsAt: at('12:30'), title: 'Lunch' },
        { startsAt: at('13:15'), title: 'Tweede praktijkverhaal: een klein dorp, een groot plan' },
        { startsAt: at('14:30'), title: 'Aan de slag: je eigen actieplan' },
        { startsAt: at('15:30'), title: 'Vormen van participatie: inloopavond, online, burgerberaad' },
        { startsAt: at('16:00'), title: 'Vragenuur' },
        { startsAt: at('16:30'), title: 'Afsluiting, certificaten en borrel' },
      ],
      questions: [
        { id: 'what-to-learn', type: 'longText', required: false, label: { nl: 'Wat wil je vandaag leren?', en: 'What do you want to learn today?' } },
        {
          id: 'own-case',
          type: 'yesNo',
          required: false,
          label: { nl: 'Wil je een eigen casus meenemen?', en: 'Would you like to bring a case of your own?' },
          help: { nl: 'We werken er in de middag mee aan je actieplan.', en: 'In the afternoon we work on your action plan with it.' },
        },
        { id: 'own-case-topic', type: 'text', required: false, label: { nl: 'Zo ja: waar gaat je casus over?', en: 'If so: what is your case about?' } },
        {
          id: 'workplace',
          type: 'choice',
          // Not required, so the README's curl example registers without answers.
          required: false,
          label: { nl: 'Waar werk je?', en: 'Where do you work?' },
          options: [
            { id: 'municipality', label: { nl: 'Gemeente', en: 'Municipality' } },
            { id: 'province', label: { nl: 'Provincie', en: 'Province' } },
            { id: 'water-board', label: { nl: 'Waterschap', en: 'Water board' } },
            { id: 'central-government', label: { nl: 'Rijksoverheid', en: 'Central government' } },
            { id: 'other', label: { nl: 'Anders', en: 'Other' } },
          ],
        },
      ],
    },
    { id: DEMO_EVENT_ID, organisationId: DEMO_ORGANISATION_ID },
    now,
  );
}

export async function seedDemoEvent(tableName: string, now = new Date()): Promise<EventRecord> {
  const event = demoEvent(now);
  const events = new EventRepository(tableName);
  if (!(await events.get(event.id))) await events.create(event, reminderMailings(event));
  return event;
}
