import { useLanguage } from '../../i18n/use-t.ts';
import { StoragePanel } from '../device/StoragePanel.tsx';
import { useServiceWorkerState, type ServiceWorkerState } from '../device/service-worker-state.ts';
import { APP_VERSION, BUILD_TIME } from './build-info.ts';
import { aboutMessages } from './messages.ts';

type AboutMessages = ReturnType<typeof aboutMessages.in>;

function describeWorker(state: ServiceWorkerState | undefined, m: AboutMessages): string {
  switch (state) {
    case undefined:
      return m.swChecking;
    case 'unsupported':
      return m.swUnsupported;
    case 'none':
      return m.swNone;
    case 'installing':
      return m.swInstalling;
    case 'waiting':
      return m.swWaiting;
    case 'active':
      return m.swActive;
  }
}

/** Build instants are shown in the phone's own time zone, as a person reads a clock. */
function formatInstant(iso: string, language: 'id' | 'en'): string {
  return new Intl.DateTimeFormat(language === 'id' ? 'id-ID' : 'en-GB', {
    dateStyle: 'medium',
    timeStyle: 'short',
  }).format(new Date(iso));
}

export default function AboutPage() {
  const m = aboutMessages.useMessages();
  const worker = useServiceWorkerState();
  const language = useLanguage();
  return (
    <article className="page">
      <h1 className="page__title">{m.title}</h1>
      <p className="page__intro">{m.intro}</p>
      <section className="card" aria-labelledby="about-app-heading">
        <h2 id="about-app-heading" className="card__title">
          {m.appTitle}
        </h2>
        <dl className="facts">
          <div>
            <dt>{m.version}</dt>
            <dd data-testid="app-version">{APP_VERSION}</dd>
          </div>
          <div>
            <dt>{m.builtAt}</dt>
            <dd data-testid="build-time" data-build-time={BUILD_TIME ?? 'dev'}>
              {BUILD_TIME === undefined ? m.development : formatInstant(BUILD_TIME, language)}
            </dd>
          </div>
        </dl>
      </section>
      <section className="card" aria-labelledby="about-offline-heading">
        <h2 id="about-offline-heading" className="card__title">
          {m.offlineTitle}
        </h2>
        <p data-testid="sw-state" data-state={worker ?? 'checking'}>
          {describeWorker(worker, m)}
        </p>
      </section>
      <StoragePanel />
    </article>
  );
}
