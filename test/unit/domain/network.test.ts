import { describe, expect, it } from 'vitest';
import { networkAccess, networkListing } from '../../../shared/domain/network';
import type { Registration } from '../../../shared/domain/registration';
import { NOW, aRegistration, anEvent } from '../../support/fixtures';

const consented = { networkConsentAt: '2026-11-01T09:00:00.000Z' };

describe('who may see the participant list', () => {
  const deadline = anEvent({ registrationClosesAt: '2026-11-29T10:00:00.000Z' });
  const access = (viewer: Partial<Registration>, event = deadline, now = NOW) => networkAccess(aRegistration(viewer), event, now).state;

  it('a confirmed participant, from the registration deadline on', () => {
    expect(access({}, deadline, new Date('2026-11-29T09:59:59.999Z'))).toBe('not-yet');
    expect(access({}, deadline, new Date('2026-11-29T10:00:00.000Z'))).toBe('open');
  });

  it('tells a confirmed participant before the deadline when the list appears', () => {
    expect(networkAccess(aRegistration(), deadline, new Date('2026-11-28T10:00:00.000Z'))).toEqual({ state: 'not-yet', opensAt: '2026-11-29T10:00:00.000Z' });
  });

  it('nobody without a confirmed seat, and nobody once the event is called off', () => {
    expect(access({ status: 'waitlisted' })).toBe('closed');
    expect(access({ status: 'cancelled' })).toBe('closed');
    expect(access({ confirmBy: '2026-11-29T12:00:00.000Z' })).toBe('closed');
    expect(access({ erasedAt: '2026-11-29T09:00:00.000Z' })).toBe('closed');
    expect(access({}, anEvent({ registrationClosesAt: '2026-11-29T10:00:00.000Z', cancelledAt: '2026-11-29T09:00:00.000Z' }))).toBe('closed');
  });
});

describe('who is on the participant list', () => {
  const people: Registration[] = [
    aRegistration({ registrationId: 'viewer', name: 'Vera Kijker', ...consented }),
    aRegistration({ registrationId: 'zoe', name: 'Zoë Ambtenaar', organisation: 'Gemeente Utrecht', role: 'Beleidsadviseur', ...consented }),
    aRegistration({ registrationId: 'bram', name: 'bram de Vries', organisation: undefined, role: undefined, ...consented }),
    aRegistration({ registrationId: 'not-opted-in', name: 'Anna Stil' }),
    aRegistration({ registrationId: 'waiting', name: 'Willem Wacht', status: 'waitlisted', ...consented }),
    aRegistration({ registrationId: 'unconfirmed', name: 'Otto Onbevestigd', confirmBy: '2026-11-29T12:00:00.000Z', ...consented }),
    aRegistration({ registrationId: 'cancelled', name: 'Cor Afgemeld', status: 'cancelled', ...consented }),
    aRegistration({ registrationId: 'erased', name: '', erasedAt: '2026-11-29T09:00:00.000Z', status: 'cancelled', ...consented }),
  ];

  it('the others with a confirmed seat who opted in, by name regardless of case, with name, organisation and role only', () => {
    expect(networkListing({ registrationId: 'viewer' }, people)).toEqual([
      { name: 'bram de Vries' },
      { name: 'Zoë Ambtenaar', organisation: 'Gemeente Utrecht', role: 'Beleidsadviseur' },
    ]);
  });

  it('the viewer sees themselves nowhere, but others see them', () => {
    expect(networkListing({ registrationId: 'zoe' }, people).map((entry) => entry.name)).toEqual(['bram de Vries', 'Vera Kijker']);
  });

  it('a withdrawn consent takes a person off at once', () => {
    const withdrawn = people.map((person) => (person.registrationId === 'zoe' ? { ...person, networkConsentAt: undefined } : person));
    expect(networkListing({ registrationId: 'viewer' }, withdrawn)).toEqual([{ name: 'bram de Vries' }]);
  });
});
