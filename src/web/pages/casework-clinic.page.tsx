import { type ClinicStation, clinicStations } from '../../db/schema.ts';
import type { MessageKey } from '../../i18n/message-key.ts';
import { localePath } from '../../i18n/negotiate.ts';
import type { Translator } from '../../i18n/translator.ts';

/** Clinic mode's board (issue 6, item 6): each station, the applicants at it, and a move to the next. */
export function CaseworkClinicPage(props: {
  t: Translator;
  board: Record<ClinicStation, { caseId: string; reference: string; program: string }[]>;
  csrfToken: string;
}) {
  const { t } = props;
  const stationName = (station: ClinicStation) => t.t(`casework.station_${station}` as MessageKey);
  return (
    <>
      <h1>{t.t('casework.clinicTitle')}</h1>
      <p>{t.t('casework.clinicLead')}</p>
      {clinicStations.map((station, index) => {
        const next = clinicStations[index + 1];
        const cases = props.board[station];
        return (
          <section aria-labelledby={`station-${station}`}>
            <h2 id={`station-${station}`}>{stationName(station)}</h2>
            {cases.length === 0 ? (
              <p>{t.t('casework.clinicEmpty')}</p>
            ) : (
              <ul>
                {cases.map((entry) => (
                  <li>
                    <a href={localePath(t.locale, `/staff/cases/${entry.caseId}`)} translate="no">
                      {entry.reference}
                    </a>
                    {next ? (
                      <form
                        method="post"
                        action={localePath(t.locale, `/staff/cases/${entry.caseId}/station`)}
                      >
                        <input type="hidden" name="_csrf" value={props.csrfToken} />
                        <input type="hidden" name="station" value={next} />
                        <input type="hidden" name="return" value="clinic" />
                        <button type="submit" class="usa-button usa-button--outline">
                          {t.t('casework.clinicMoveTo', {
                            reference: entry.reference,
                            station: stationName(next),
                          })}
                        </button>
                      </form>
                    ) : null}
                  </li>
                ))}
              </ul>
            )}
          </section>
        );
      })}
    </>
  );
}
