import type { MessageKey } from '../../i18n/message-key.ts';
import type { Translator } from '../../i18n/translator.ts';

const services: { title: MessageKey; body: MessageKey }[] = [
  { title: 'home.checkTitle', body: 'home.checkBody' },
  { title: 'home.applyTitle', body: 'home.applyBody' },
  { title: 'home.trackTitle', body: 'home.trackBody' },
  { title: 'home.actTitle', body: 'home.actBody' },
];

export function HomePage(props: { t: Translator }) {
  const { t } = props;
  return (
    <>
      <h1>{t.t('home.title')}</h1>
      <p class="usa-intro">{t.t('home.lead')}</p>
      <ul class="usa-card-group">
        {services.map((service) => (
          <li class="usa-card">
            <div class="usa-card__container">
              <h2 class="usa-card__heading">{t.t(service.title)}</h2>
              <p class="usa-card__body">{t.t(service.body)}</p>
            </div>
          </li>
        ))}
      </ul>
      <section class="usa-summary-box" aria-labelledby="safety-heading">
        <h2 id="safety-heading" class="usa-summary-box__heading">
          {t.t('home.safetyTitle')}
        </h2>
        <p>{t.t('home.safetyBody')}</p>
      </section>
    </>
  );
}
