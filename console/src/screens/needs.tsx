import { useState } from 'preact/hooks';
import { api } from '../api';
import { ConfirmDialog, LoadState } from '../components';
import { useEvent } from '../event-data';
import { useI18n } from '../i18n';
import { useLoad } from '../session';
import { formatNumber } from '../time';
import { EventHeader, Section } from './event-frame';

/**
 * The needs of the people with a seat, for the caterer and the venue. Names are special-category
 * data (health, religion) the caterer rarely needs: they are asked for only after a warning,
 * because the API records every read with names as an access to such data.
 */
export function NeedsScreen({ eventId }: { eventId: string }) {
  const { t, language } = useI18n();
  const event = useEvent(eventId);
  const [withNames, setWithNames] = useState(false);
  const [asking, setAsking] = useState(false);
  const summary = useLoad(() => api.needsSummary(eventId, withNames), [eventId, withNames]);
  // Until the read with names has answered, the table keeps the one without: never show a name the organiser hid.
  const names = withNames && !summary.loading && summary.error === undefined;
  const data = summary.data;
  const number = (value: number) => formatNumber(value, language);

  return (
    <>
      {event.data && <EventHeader event={event.data} screen="needs" />}
      <p>{t.needs.intro}</p>
      <LoadState error={summary.error ?? event.error} loading={!data || !event.data} onRetry={() => (summary.reload(), event.reload())} />
      {data && event.data && (
        <>
          <section class="panel names-panel" aria-labelledby="names-heading">
            <h2 id="names-heading">{t.needs.namesTitle}</h2>
            <p class="hint" id="names-hint">
              {names ? t.needs.namesShownHint : t.needs.namesHidden}
            </p>
            <button
              type="button"
              class="button secondary"
              aria-describedby="names-hint"
              onClick={() => (withNames ? setWithNames(false) : setAsking(true))}
              data-testid="show-names"
            >
              {withNames ? t.needs.hideNames : t.needs.showNames}
            </button>
            <p class="visually-hidden" role="status">
              {names ? t.needs.namesShown : ''}
            </p>
          </section>
          <Section title={t.needs.seated} id="seated-heading">
            <p class="big-figure" data-testid="needs-seated">
              {number(data.seated)}
            </p>
          </Section>
          <Section title={t.needs.dietary} id="dietary-heading">
            {data.dietary.length === 0 ? (
              <p>{t.needs.dietaryNone}</p>
            ) : (
              <table class="data-table responsive" data-testid="dietary-table">
                <caption class="visually-hidden">{t.needs.dietary}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t.needs.need}</th>
                    <th scope="col" class="numeric">
                      {t.needs.count}
                    </th>
                    {names && <th scope="col">{t.needs.names}</th>}
                  </tr>
                </thead>
                <tbody>
                  {data.dietary.map((item) => (
                    <tr key={item.need} data-testid="dietary-row">
                      <th scope="row" data-label={t.needs.need}>
                        {item.need}
                      </th>
                      <td data-label={t.needs.count} class="numeric">
                        {number(item.count)}
                      </td>
                      {names && <td data-label={t.needs.names}>{(item.names ?? []).join(', ')}</td>}
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </Section>
          <Section title={t.needs.accessibility} id="accessibility-heading">
            {data.accessibility.length === 0 ? (
              <p>{t.needs.accessibilityNone}</p>
            ) : (
              <table class="data-table responsive" data-testid="accessibility-table">
                <caption class="visually-hidden">{t.needs.accessibility}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t.needs.need}</th>
                    {names && <th scope="col">{t.needs.name}</th>}
                  </tr>
                </thead>
                <tbody>
                  {data.accessibility.map((item, index) => (
                    <tr key={`${index}-${item.need}`} data-testid="accessibility-row">
                      <th scope="row" data-label={t.needs.need}>
                        {item.need}
                      </th>
                      {names && <td data-label={t.needs.name}>{item.name ?? t.common.none}</td>}
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </Section>
        </>
      )}
      {asking && (
        <ConfirmDialog
          title={t.needs.showNamesTitle}
          confirmLabel={t.needs.showNamesConfirm}
          cancelLabel={t.needs.showNamesKeep}
          onConfirm={() => {
            setAsking(false);
            setWithNames(true);
          }}
          onClose={() => setAsking(false)}
          testId="show-names-dialog"
        >
          <p>{t.needs.showNamesSpecial}</p>
          <p>{t.needs.showNamesRecorded}</p>
        </ConfirmDialog>
      )}
    </>
  );
}
