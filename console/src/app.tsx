import type { ComponentChildren } from 'preact';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { useTokens } from './api';
import type { ConsoleConfig } from './api-types';
import { completeSignIn, currentSession, isExpired, isSignInCallback, loadConfig, signOut, startSignIn, type Session } from './auth';
import { Heading, Notice, focusHeading } from './components';
import { forgetSentDoors } from './door-store';
import { I18nContext, initialLanguage, messages, rememberLanguage, useI18n, type I18n } from './i18n';
import { hrefFor, useRoute, type Route } from './router';
import { CertificatesScreen } from './screens/certificates';
import { DoorScreen } from './screens/door';
import { EditEventScreen, NewEventScreen } from './screens/event-form';
import { DoorEventsScreen, EventsScreen } from './screens/events';
import { NeedsScreen } from './screens/needs';
import { OverviewScreen } from './screens/overview';
import { RegistrationsScreen } from './screens/registrations';
import { RemindersScreen } from './screens/reminders';
import { SessionContext, useSession, type SessionContextValue } from './session';
import type { UiLanguage } from './time';

const SIGNED_OUT_KEY = 'console.signed-out';

useTokens({
  token() {
    const session = currentSession();
    return session && !isExpired(session) ? session.idToken : undefined;
  },
});

function LanguageSwitch() {
  const { t, setLanguage } = useI18n();
  const other = t.switchLanguage;
  return (
    <button type="button" class="link-button" lang={other.language} onClick={() => setLanguage(other.language)} data-testid="language-switch">
      {other.label}
    </button>
  );
}

function NotFound() {
  const { t } = useI18n();
  return (
    <>
      <Heading>{t.errors.notFoundPage}</Heading>
      <p>
        <a href="#/events">{t.errors.toEvents}</a>
      </p>
    </>
  );
}

/** The screen for a route; a door account gets the door and the way to it, nothing else. */
function Screen({ route, session }: { route: Route; session: Session }) {
  if (session.role === 'door') {
    if (route.name === 'events') return <DoorEventsScreen />;
    if ('eventId' in route) return <DoorScreen key={route.eventId} eventId={route.eventId} />;
    return <NotFound />;
  }
  switch (route.name) {
    case 'events':
      return <EventsScreen />;
    case 'new-event':
      return <NewEventScreen />;
    case 'overview':
      return <OverviewScreen key={route.eventId} eventId={route.eventId} />;
    case 'edit':
      return <EditEventScreen key={route.eventId} eventId={route.eventId} />;
    case 'registrations':
      return <RegistrationsScreen key={`${route.eventId}?${route.show ?? ''}`} eventId={route.eventId} show={route.show} />;
    case 'needs':
      return <NeedsScreen key={route.eventId} eventId={route.eventId} />;
    case 'door':
      return <DoorScreen key={route.eventId} eventId={route.eventId} />;
    case 'certificates':
      return <CertificatesScreen key={route.eventId} eventId={route.eventId} />;
    case 'reminders':
      return <RemindersScreen key={route.eventId} eventId={route.eventId} />;
    default:
      return <NotFound />;
  }
}

function screenTitle(route: Route, t: I18n['t']): string {
  switch (route.name) {
    case 'events':
      return t.events.title;
    case 'new-event':
      return t.form.createTitle;
    case 'not-found':
      return t.errors.notFoundPage;
    case 'edit':
      return t.form.editTitle;
    default:
      return t.screens[route.name];
  }
}

function Shell({ children, account }: { children: ComponentChildren; account?: ComponentChildren }) {
  const { t } = useI18n();
  return (
    <>
      <header class="topbar">
        <button type="button" class="skip-link" onClick={focusHeading}>
          {t.skipToContent}
        </button>
        <a class="brand" href="#/events">
          {t.appName}
        </a>
        <div class="topbar-tools">
          {account}
          <LanguageSwitch />
        </div>
      </header>
      <main id="main">{children}</main>
    </>
  );
}

function SignedIn({ offlineExpired }: { offlineExpired: boolean }) {
  const { t } = useI18n();
  const { session, signOut: leave } = useSession();
  const route = useRoute();
  useEffect(() => {
    // A door account that follows an organiser's link to another screen lands on the door.
    if (session.role === 'door' && 'eventId' in route && route.name !== 'door') location.replace(hrefFor({ name: 'door', eventId: route.eventId }));
  }, [route]);
  useEffect(() => {
    document.title = `${screenTitle(route, t)} – ${t.appName}`;
  }, [route, t]);
  const role = session.role ? t.roles[session.role] : '';
  return (
    <Shell
      account={
        <>
          <nav aria-label={t.nav.main}>
            <a href="#/events" aria-current={route.name === 'events' ? 'page' : undefined}>
              {t.nav.events}
            </a>
          </nav>
          <span class="account" data-testid="account">
            {t.nav.account(session.email ?? '', role)}
          </span>
          <button type="button" class="link-button" onClick={leave} data-testid="sign-out">
            {t.nav.signOut}
          </button>
        </>
      }
    >
      {offlineExpired && <Notice kind="warning">{t.signIn.offlineExpired}</Notice>}
      <Screen route={route} session={session} />
    </Shell>
  );
}

type Phase =
  | { name: 'starting' }
  | { name: 'failed'; message: string; canSignIn: boolean }
  | { name: 'signed-out'; justSignedOut: boolean }
  | { name: 'ready'; session: Session };

function SignInPage({ onSignIn, message, signedOut, busy }: { onSignIn?: () => void; message?: string; signedOut?: boolean; busy?: boolean }) {
  const { t } = useI18n();
  return (
    <Shell>
      <div class="sign-in panel">
        <Heading>{t.signIn.title}</Heading>
        {signedOut && <Notice kind="success">{t.signIn.signedOut}</Notice>}
        {message && <Notice kind="error">{message}</Notice>}
        <p>{t.signIn.intro}</p>
        {onSignIn && (
          <button type="button" class="button big" onClick={onSignIn} disabled={busy} data-testid="sign-in">
            {busy ? t.signIn.busy : t.signIn.button}
          </button>
        )}
      </div>
    </Shell>
  );
}

export function Root() {
  const [language, setLanguageState] = useState<UiLanguage>(initialLanguage);
  const i18n = useMemo<I18n>(
    () => ({
      language,
      t: messages[language],
      setLanguage(next) {
        rememberLanguage(next);
        setLanguageState(next);
      },
    }),
    [language],
  );
  const t = i18n.t;
  const [config, setConfig] = useState<ConsoleConfig>();
  const [phase, setPhase] = useState<Phase>({ name: 'starting' });
  const [offlineExpired, setOfflineExpired] = useState(false);
  const [redirecting, setRedirecting] = useState(false);
  const languageNow = useRef(language);
  languageNow.current = language;

  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);

  const signIn = (settings: ConsoleConfig) => {
    if (redirecting) return;
    setRedirecting(true);
    void startSignIn(settings, location.hash, languageNow.current);
  };

  useEffect(() => {
    void (async () => {
      let settings: ConsoleConfig;
      try {
        settings = await loadConfig();
      } catch {
        return setPhase({ name: 'failed', message: t.signIn.configFailed, canSignIn: false });
      }
      setConfig(settings);
      const url = new URL(location.href);
      if (isSignInCallback(url)) {
        try {
          await completeSignIn(settings, url);
        } catch (error) {
          const reason = (error as Error).message;
          return setPhase({ name: 'failed', message: reason === 'state' ? t.signIn.failedState : `${t.signIn.failed} (${reason})`, canSignIn: true });
        }
      }
      const session = currentSession();
      if (!session) {
        const justSignedOut = sessionStorage.getItem(SIGNED_OUT_KEY) === '1';
        sessionStorage.removeItem(SIGNED_OUT_KEY);
        return setPhase({ name: 'signed-out', justSignedOut });
      }
      if (isExpired(session) && navigator.onLine) return signIn(settings);
      setPhase({ name: 'ready', session });
    })();
  }, []);

  const sessionValue = useMemo<SessionContextValue | undefined>(() => {
    if (!config || phase.name !== 'ready') return undefined;
    return {
      config,
      session: phase.session,
      signInAgain() {
        if (navigator.onLine) signIn(config);
        else setOfflineExpired(true);
      },
      signOut() {
        forgetSentDoors(localStorage, phase.session.organisationId ?? '');
        sessionStorage.setItem(SIGNED_OUT_KEY, '1');
        signOut(config);
      },
    };
  }, [config, phase]);

  let content: ComponentChildren;
  if (phase.name === 'starting') {
    content = (
      <Shell>
        <p class="loading" role="status">
          {t.common.loading}
        </p>
      </Shell>
    );
  } else if (phase.name === 'failed') {
    content = <SignInPage message={phase.message} onSignIn={phase.canSignIn && config ? () => signIn(config) : undefined} busy={redirecting} />;
  } else if (phase.name === 'signed-out') {
    content = <SignInPage signedOut={phase.justSignedOut} onSignIn={() => config && signIn(config)} busy={redirecting} />;
  } else if (!phase.session.role) {
    content = (
      <Shell>
        <Heading>{t.signIn.noRoleTitle}</Heading>
        <Notice kind="error">{t.signIn.noRole}</Notice>
        <button type="button" class="button secondary" onClick={() => sessionValue?.signOut()}>
          {t.nav.signOut}
        </button>
      </Shell>
    );
  } else {
    content = (
      <SessionContext.Provider value={sessionValue}>
        <SignedIn offlineExpired={offlineExpired} />
      </SessionContext.Provider>
    );
  }
  return <I18nContext.Provider value={i18n}>{content}</I18nContext.Provider>;
}
