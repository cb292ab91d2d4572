import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { api, ApiError, SessionExpired } from '../api';
import type { DoorListItem } from '../api-types';
import { InputField, Notice } from '../components';
import {
  checkInLocally,
  findByCode,
  findById,
  emptyDoor,
  forgetDoor,
  loadDoor,
  normaliseCode,
  saveDoor,
  searchPeople,
  settle,
  undoLocally,
  withResult,
  withServerList,
  type StoredDoor,
} from '../door-store';
import { useI18n } from '../i18n';
import { CameraError, startScanner, type Scanner } from '../scanner';
import { useSession } from '../session';
import { formatDateTime, formatTime } from '../time';
import { EventHeader } from './event-frame';

/** A door request that takes longer than this counts as no connection: the check-in is kept here. */
const DOOR_TIMEOUT_MS = 6000;
const RETRY_INTERVAL_MS = 15_000;
const REFRESH_INTERVAL_MS = 60_000;
/** The same QR code in front of the camera is read many times a second; once is enough. */
const SAME_CODE_PAUSE_MS = 4000;
/** A check-in the server dates this much before its answer was made earlier (elsewhere). */
const EARLIER_MARGIN_MS = 5000;

type ResultKind = 'checked-in' | 'queued' | 'already' | 'not-found' | 'no-seat' | 'undone' | 'not-a-code';

interface DoorResult {
  kind: ResultKind;
  name?: string;
  registrationId?: string;
  checkedInAt?: string;
  code?: string;
  /** For "not on the list" decided here: when the list on this device was fetched. */
  listFrom?: string;
  /** Decided on this device without the server. */
  offline?: boolean;
  /** Distinguishes two identical results in a row, so the live region speaks again. */
  serial: number;
}

let serial = 0;

export function DoorScreen({ eventId }: { eventId: string }) {
  const { t, language } = useI18n();
  const { signInAgain, session } = useSession();
  const owner = session.organisationId ?? '';
  const [door, setDoor] = useState<StoredDoor>(() => loadDoor(localStorage, owner, eventId));
  const latest = useRef(door);
  const [online, setOnline] = useState(navigator.onLine);
  const [result, setResult] = useState<DoorResult>();
  const [code, setCode] = useState('');
  const [codeError, setCodeError] = useState<string>();
  const [query, setQuery] = useState('');
  const [notice, setNotice] = useState<string>();
  const [scanning, setScanning] = useState(false);
  const [cameraProblem, setCameraProblem] = useState<string>();
  const syncing = useRef(false);
  const codeInput = useRef<HTMLDivElement>(null);

  const update = useCallback((change: (door: StoredDoor) => StoredDoor) => {
    const next = change(latest.current);
    latest.current = next;
    saveDoor(localStorage, owner, next);
    setDoor(next);
  }, []);

  const show = (result: Omit<DoorResult, 'serial'>) => setResult({ ...result, serial: ++serial });
  const timeOf = (iso?: string) => formatTime(iso, language, latest.current.timeZone);
  const canAsk = () => navigator.onLine;
  const lostSession = () => {
    if (navigator.onLine) signInAgain();
  };

  const refresh = useCallback(async () => {
    try {
      const [list, event] = await Promise.all([api.doorList(eventId), api.getPublicEvent(eventId).catch(() => undefined)]);
      update((current) => ({
        ...withServerList(current, list.items, new Date().toISOString()),
        ...(event ? { title: event.title, startsAt: event.startsAt, timeZone: event.timeZone } : {}),
      }));
    } catch (error) {
      if (error instanceof SessionExpired) lostSession();
      // The server no longer gives this account the list (gone, or not theirs): it leaves the device.
      if (error instanceof ApiError && (error.status === 403 || error.status === 404) && latest.current.pending.length === 0) {
        forgetDoor(localStorage, owner, eventId);
        latest.current = emptyDoor(eventId);
        setDoor(latest.current);
      }
    }
  }, [eventId]);

  /** Sends the changes made here, oldest first; stops at the first that cannot get through. */
  const sync = useCallback(async () => {
    if (syncing.current || !navigator.onLine) return;
    syncing.current = true;
    let dropped = 0;
    try {
      while (latest.current.pending.length > 0) {
        const change = latest.current.pending[0]!;
        try {
          const answer =
            change.change === 'check-in'
              ? await api.checkIn(eventId, change.registrationId, DOOR_TIMEOUT_MS, change.at)
              : await api.undoCheckIn(eventId, change.registrationId, DOOR_TIMEOUT_MS);
          update((current) => settle(current, change, answer, new Date().toISOString()));
        } catch (error) {
          // Gone, no seat, or recorded longer ago than the server accepts: it can never apply.
          if (error instanceof ApiError && (error.status === 400 || error.status === 404 || error.status === 409)) {
            dropped++;
            update((current) => settle(current, change, undefined, new Date().toISOString()));
            continue;
          }
          if (error instanceof SessionExpired) lostSession();
          return;
        }
      }
      await refresh();
    } finally {
      syncing.current = false;
      if (dropped > 0) setNotice(t.door.dropped(dropped));
    }
  }, [eventId, refresh, t]);

  useEffect(() => {
    latest.current = loadDoor(localStorage, owner, eventId);
    setDoor(latest.current);
    void sync().then(() => (latest.current.savedAt ? undefined : refresh()));
    const goOnline = () => {
      setOnline(true);
      void sync();
    };
    const goOffline = () => setOnline(false);
    addEventListener('online', goOnline);
    addEventListener('offline', goOffline);
    const retry = setInterval(() => {
      if (latest.current.pending.length > 0) void sync();
    }, RETRY_INTERVAL_MS);
    const keepFresh = setInterval(() => {
      if (latest.current.pending.length === 0 && navigator.onLine) void refresh();
    }, REFRESH_INTERVAL_MS);
    return () => {
      removeEventListener('online', goOnline);
      removeEventListener('offline', goOffline);
      clearInterval(retry);
      clearInterval(keepFresh);
    };
  }, [eventId]);

  /** Decided here, from the list on this device. */
  const checkInHere = (person: DoorListItem | undefined, code?: string) => {
    if (!person) {
      const when = latest.current.savedAt ? formatDateTime(latest.current.savedAt, language, latest.current.timeZone, 'short') : '—';
      return show({ kind: 'not-found', code, offline: true, listFrom: when });
    }
    if (person.checkedInAt) return show({ kind: 'already', name: person.name, registrationId: person.registrationId, checkedInAt: person.checkedInAt, offline: true });
    update((current) => checkInLocally(current, person.registrationId, new Date().toISOString()));
    show({ kind: 'queued', name: person.name, registrationId: person.registrationId });
    void sync();
  };

  const checkInByCode = async (raw: string, scanned: boolean) => {
    const normalised = normaliseCode(raw);
    if (!normalised) {
      if (scanned) show({ kind: 'not-a-code' });
      else setCodeError(t.door.codeInvalid);
      return;
    }
    setCodeError(undefined);
    const person = findByCode(latest.current, normalised);
    // With changes still waiting, a known person goes through the queue too, so order holds.
    if (canAsk() && !(person && latest.current.pending.length > 0)) {
      try {
        const { result, serverTime } = await api.checkInByCode(eventId, normalised, DOOR_TIMEOUT_MS);
        // Already in: this device knew that very check-in, or the server made it a while before answering.
        const known = Boolean(person?.checkedInAt && person.checkedInAt === result.checkedInAt);
        const earlier = known || Boolean(result.checkedInAt && serverTime && Date.parse(result.checkedInAt) < serverTime - EARLIER_MARGIN_MS);
        update((current) => withResult(current, result));
        show({ kind: earlier ? 'already' : 'checked-in', name: result.name, registrationId: result.registrationId, checkedInAt: result.checkedInAt });
        return;
      } catch (error) {
        if (error instanceof ApiError && error.status === 404) return show({ kind: 'not-found', code: normalised });
        if (error instanceof ApiError && error.status === 409) return show({ kind: 'no-seat', code: normalised });
        if (error instanceof ApiError && error.status === 400) return setCodeError(t.door.codeInvalid);
        if (error instanceof SessionExpired) {
          checkInHere(person, normalised);
          return lostSession();
        }
        // No connection after all (or the server is struggling): decide here.
      }
    }
    checkInHere(person, normalised);
  };

  const checkInPerson = async (person: DoorListItem) => {
    if (canAsk() && latest.current.pending.length === 0) {
      try {
        const answer = await api.checkIn(eventId, person.registrationId, DOOR_TIMEOUT_MS);
        update((current) => withResult(current, answer));
        return show({ kind: 'checked-in', name: answer.name, registrationId: answer.registrationId, checkedInAt: answer.checkedInAt });
      } catch (error) {
        if (error instanceof ApiError && error.status === 409) return show({ kind: 'no-seat', name: person.name });
        if (error instanceof ApiError && error.status === 404) return show({ kind: 'not-found', name: person.name });
        if (error instanceof SessionExpired) {
          checkInHere(person);
          return lostSession();
        }
      }
    }
    checkInHere(person);
  };

  const undo = async (registrationId: string) => {
    const person = findById(latest.current, registrationId);
    const name = person?.name;
    if (canAsk() && latest.current.pending.length === 0) {
      try {
        const answer = await api.undoCheckIn(eventId, registrationId, DOOR_TIMEOUT_MS);
        update((current) => withResult(current, answer));
        return show({ kind: 'undone', name, registrationId });
      } catch (error) {
        if (error instanceof ApiError && (error.status === 404 || error.status === 409)) return show({ kind: 'not-found', name });
        if (error instanceof SessionExpired) {
          update((current) => undoLocally(current, registrationId, new Date().toISOString()));
          show({ kind: 'undone', name, registrationId, offline: true });
          return lostSession();
        }
      }
    }
    update((current) => undoLocally(current, registrationId, new Date().toISOString()));
    show({ kind: 'undone', name, registrationId, offline: true });
    void sync();
  };

  // The camera: one reader for as long as the scan view is open; the newest handler reads each code.
  const video = useRef<HTMLVideoElement>(null);
  const onScanned = useRef<(text: string) => void>(() => undefined);
  const lastScan = useRef<{ text: string; at: number } | undefined>(undefined);
  onScanned.current = (text: string) => {
    const now = Date.now();
    if (lastScan.current && lastScan.current.text === text && now - lastScan.current.at < SAME_CODE_PAUSE_MS) return;
    lastScan.current = { text, at: now };
    void checkInByCode(text, true);
  };
  useEffect(() => {
    if (!scanning || !video.current) return;
    let scanner: Scanner | undefined;
    let cancelled = false;
    setCameraProblem(undefined);
    startScanner(video.current, (text) => onScanned.current(text)).then(
      (started) => {
        if (cancelled) started.stop();
        else scanner = started;
      },
      (error: unknown) => {
        const problem = error instanceof CameraError ? error.problem : 'other';
        setCameraProblem(
          { denied: t.door.cameraDenied, 'no-camera': t.door.cameraMissing, unsupported: t.door.cameraUnsupported, other: t.door.cameraFailed }[problem],
        );
        setScanning(false);
      },
    );
    return () => {
      cancelled = true;
      scanner?.stop();
    };
  }, [scanning]);

  const checkedIn = door.items.filter((item) => item.checkedInAt).length;
  const found = searchPeople(door.items, query);
  const header = { id: eventId, title: door.title ?? eventId, startsAt: door.startsAt ?? '', timeZone: door.timeZone ?? 'UTC' };

  return (
    <div class="door">
      <EventHeader event={header} screen="door" />
      <div class="door-status" data-testid="door-status">
        <p class={`connection ${online ? 'online' : 'offline'}`} data-testid="door-connection" data-online={String(online)} role="status">
          <span class="dot" aria-hidden="true" />
          {online ? t.door.online : t.door.offline}
        </p>
        <p data-testid="door-pending" data-count={door.pending.length} role="status">
          {door.pending.length > 0 ? t.door.waiting(door.pending.length) : t.door.allSent}
          {door.pending.length > 0 && online && (
            <>
              {' '}
              <button type="button" class="button secondary small" onClick={() => void sync()}>
                {t.door.sendNow}
              </button>
            </>
          )}
        </p>
        <p data-testid="door-counts">
          <strong>{t.door.counts(checkedIn, door.items.length)}</strong>
          {door.savedAt && <span class="meta"> · {t.door.listFrom(formatDateTime(door.savedAt, language, door.timeZone, 'short'))}</span>}
        </p>
      </div>
      {!door.savedAt && <Notice kind="warning">{t.door.noList}</Notice>}
      {notice && <Notice kind="warning">{notice}</Notice>}

      <div
        class={`door-result ${result ? `result-${result.kind}` : 'result-none'}`}
        data-testid="door-result"
        data-result={result?.kind ?? ''}
        aria-live="assertive"
        aria-atomic="true"
      >
        {result && <ResultText key={result.serial} result={result} timeOf={timeOf} />}
        {result?.registrationId && ['checked-in', 'queued', 'already'].includes(result.kind) && (
          <button type="button" class="button secondary" onClick={() => void undo(result.registrationId!)} data-testid="door-undo">
            {t.door.undo}
            <span class="visually-hidden">: {result.name}</span>
          </button>
        )}
      </div>

      <form
        class="panel door-code"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          const typed = code;
          setCode('');
          void checkInByCode(typed, false);
          codeInput.current?.querySelector('input')?.focus();
        }}
      >
        <div ref={codeInput}>
          <InputField
            id="check-in-code"
            label={t.door.code}
            hint={t.door.codeHint}
            error={codeError}
            value={code}
            onValue={setCode}
            autoComplete="off"
            autoCapitalize="characters"
            spellcheck={false}
            className="big-input"
            testId="check-in-code"
          />
        </div>
        <div class="actions">
          <button type="submit" class="button big" data-testid="check-in-submit">
            {t.door.checkIn}
          </button>
          <button type="button" class="button secondary big" aria-pressed={scanning} onClick={() => setScanning(!scanning)} data-testid="scan-toggle">
            {scanning ? t.door.scanStop : t.door.scan}
          </button>
        </div>
        {cameraProblem && <Notice kind="error">{cameraProblem}</Notice>}
        {scanning && (
          <div class="scanner">
            <p>{t.door.scanning}</p>
            <video ref={video} aria-label={t.door.camera} muted playsInline data-testid="scanner-video" />
          </div>
        )}
      </form>

      <section class="panel" aria-labelledby="door-search-heading">
        <h2 id="door-search-heading" class="visually-hidden">
          {t.door.search}
        </h2>
        <InputField id="door-search" type="search" label={t.door.search} value={query} onValue={setQuery} testId="door-search" />
        {query.trim() && found.length === 0 && <p role="status">{t.door.searchNone}</p>}
        {found.length > 0 && (
          <ul class="people" data-testid="door-people">
            {found.map((person) => (
              <li key={person.registrationId} data-testid="door-person" data-registration-id={person.registrationId} data-checked-in={String(Boolean(person.checkedInAt))}>
                <span class="person">
                  <strong>{person.name}</strong>
                  <span class="meta">
                    {' '}
                    {person.checkInCode} · {person.checkedInAt ? `${t.door.checkedIn} ${t.door.at(timeOf(person.checkedInAt))}` : t.door.notCheckedIn}
                  </span>
                </span>
                {person.checkedInAt ? (
                  <button type="button" class="button secondary small" onClick={() => void undo(person.registrationId)} aria-label={t.door.undoFor(person.name)}>
                    {t.door.undo}
                  </button>
                ) : (
                  <button type="button" class="button small" onClick={() => void checkInPerson(person)} aria-label={t.door.checkInFor(person.name)}>
                    {t.door.checkIn}
                  </button>
                )}
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}

function ResultText({ result, timeOf }: { result: DoorResult; timeOf(iso?: string): string }) {
  const { t } = useI18n();
  const title = {
    'checked-in': t.door.checkedIn,
    queued: t.door.queued,
    already: t.door.already(timeOf(result.checkedInAt)),
    'not-found': result.offline ? t.door.notFoundOffline(result.listFrom ?? '') : t.door.notFound,
    'no-seat': t.door.noSeat,
    undone: t.door.undone,
    'not-a-code': t.door.notACode,
  }[result.kind];
  return (
    <>
      <p class="result-title">
        <span class="result-icon" aria-hidden="true">
          {{ 'checked-in': '✓', queued: '✓', already: '!', 'not-found': '✗', 'no-seat': '✗', undone: '↺', 'not-a-code': '?' }[result.kind]}
        </span>
        {title}
      </p>
      {(result.name ?? result.code) && <p class="result-name">{result.name ?? result.code}</p>}
    </>
  );
}
