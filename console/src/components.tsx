import type { ComponentChildren, Ref } from 'preact';
import { useEffect, useId, useRef, useState } from 'preact/hooks';
import { useI18n } from './i18n';
import { takeHeadingFocus } from './router';
import { describeError } from './session';

/** The screen's h1. It takes the focus when it is the first heading after a navigation. */
export function Heading({ children }: { children: ComponentChildren }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (takeHeadingFocus()) ref.current?.focus();
  }, []);
  return (
    <h1 ref={ref} tabIndex={-1}>
      {children}
    </h1>
  );
}

export const focusHeading = () => document.querySelector<HTMLElement>('main h1')?.focus();

const describedBy = (...ids: Array<string | false | undefined>) => ids.filter(Boolean).join(' ') || undefined;

interface FieldBase {
  id: string;
  label: string;
  hint?: string;
  error?: string;
  required?: boolean;
}

function FieldMessages({ id, hint, error, announce }: Pick<FieldBase, 'id' | 'hint' | 'error'> & { announce?: boolean }) {
  return (
    <>
      {hint && (
        <p class="hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {error && (
        <p class="field-error" id={`${id}-error`} role={announce ? 'alert' : undefined}>
          {error}
        </p>
      )}
    </>
  );
}

type InputProps = FieldBase & {
  value: string;
  onValue(value: string): void;
  type?: 'text' | 'email' | 'url' | 'number' | 'datetime-local' | 'search';
  inputMode?: 'text' | 'numeric' | 'decimal' | 'url';
  autoComplete?: string;
  list?: string;
  step?: string;
  min?: string;
  className?: string;
  testId?: string;
  spellcheck?: boolean;
  autoCapitalize?: 'none' | 'off' | 'on' | 'sentences' | 'words' | 'characters';
  inputRef?: Ref<HTMLInputElement>;
  /** Say the error as it appears: for a field in a dialog, which has no error summary to do that. */
  announceError?: boolean;
};

export function InputField(props: InputProps) {
  const { id, label, hint, error, required, value, onValue, type = 'text' } = props;
  return (
    <div class={`field${error ? ' has-error' : ''}${props.className ? ` ${props.className}` : ''}`}>
      <label for={id}>
        {label}
        {required && <span aria-hidden="true"> *</span>}
      </label>
      <FieldMessages id={id} hint={hint} error={error} announce={props.announceError} />
      <input
        id={id}
        ref={props.inputRef}
        name={id}
        type={type}
        value={value}
        required={required}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy(hint && `${id}-hint`, error && `${id}-error`)}
        inputMode={props.inputMode}
        autoComplete={props.autoComplete ?? 'off'}
        list={props.list}
        step={props.step}
        min={props.min}
        spellcheck={props.spellcheck}
        autoCapitalize={props.autoCapitalize}
        data-testid={props.testId}
        onInput={(event) => onValue(event.currentTarget.value)}
      />
    </div>
  );
}

export function TextAreaField(props: FieldBase & { value: string; onValue(value: string): void; rows?: number }) {
  const { id, label, hint, error, required, value, onValue } = props;
  return (
    <div class={`field${error ? ' has-error' : ''}`}>
      <label for={id}>
        {label}
        {required && <span aria-hidden="true"> *</span>}
      </label>
      <FieldMessages id={id} hint={hint} error={error} />
      <textarea
        id={id}
        name={id}
        rows={props.rows ?? 4}
        value={value}
        required={required}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy(hint && `${id}-hint`, error && `${id}-error`)}
        onInput={(event) => onValue(event.currentTarget.value)}
      />
    </div>
  );
}

export function SelectField<V extends string>(props: FieldBase & { value: V; onValue(value: V): void; options: Array<{ value: V; label: string }> }) {
  const { id, label, hint, error, value, onValue, options } = props;
  return (
    <div class={`field${error ? ' has-error' : ''}`}>
      <label for={id}>{label}</label>
      <FieldMessages id={id} hint={hint} error={error} />
      <select
        id={id}
        name={id}
        value={value}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy(hint && `${id}-hint`, error && `${id}-error`)}
        onChange={(event) => onValue(event.currentTarget.value as V)}
      >
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}

export function CheckboxField(props: Omit<FieldBase, 'required'> & { checked: boolean; onChecked(checked: boolean): void }) {
  const { id, label, hint, error, checked, onChecked } = props;
  return (
    <div class={`field checkbox${error ? ' has-error' : ''}`}>
      <input
        id={id}
        name={id}
        type="checkbox"
        checked={checked}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy(hint && `${id}-hint`, error && `${id}-error`)}
        onChange={(event) => onChecked(event.currentTarget.checked)}
      />
      <label for={id}>{label}</label>
      <FieldMessages id={id} hint={hint} error={error} />
    </div>
  );
}

export interface SummaryError {
  /** The id of the field to go to, if the error belongs to one on this form. */
  target?: string;
  message: string;
}

/** The errors of a submitted form, listed at its top with links to each field; it takes the focus. */
export function ErrorSummary({ errors }: { errors: SummaryError[] }) {
  const { t } = useI18n();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.focus();
  }, [errors]);
  if (errors.length === 0) return null;
  return (
    <div class="error-summary" role="alert" tabIndex={-1} ref={ref} data-testid="error-summary">
      <h2>{t.errors.summary(errors.length)}</h2>
      <ul>
        {errors.map((error, index) => (
          <li key={index}>
            {error.target ? (
              <a
                href={`#${error.target}`}
                onClick={(event) => {
                  // A plain fragment link would change the route; go to the field instead.
                  event.preventDefault();
                  document.getElementById(error.target!)?.focus();
                }}
              >
                {error.message}
              </a>
            ) : (
              error.message
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}

/**
 * The native modal dialog's life: opened on mount with the focus on `first` (focus stays inside,
 * Escape closes), and on unmount the focus goes back to what had it before, or to the screen's
 * heading when that control is gone (a cancelled row loses its button).
 */
function useModal(first: { current: HTMLElement | null }) {
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const opener = document.activeElement as HTMLElement | null;
    dialog.current?.showModal();
    first.current?.focus();
    return () => {
      dialog.current?.close();
      if (opener?.isConnected) opener.focus();
      else focusHeading();
    };
  }, []);
  return dialog;
}

/** A modal confirmation. Focus starts on the safe choice. */
export function ConfirmDialog(props: {
  title: string;
  children: ComponentChildren;
  confirmLabel: string;
  cancelLabel: string;
  onConfirm(): void;
  onClose(): void;
  busy?: boolean;
  error?: string;
  testId?: string;
}) {
  const keep = useRef<HTMLButtonElement>(null);
  const dialog = useModal(keep);
  const titleId = useId();
  const bodyId = useId();
  return (
    <dialog
      ref={dialog}
      class="dialog"
      aria-labelledby={titleId}
      aria-describedby={bodyId}
      data-testid={props.testId}
      onCancel={(event) => {
        event.preventDefault();
        if (!props.busy) props.onClose();
      }}
    >
      <h2 id={titleId}>{props.title}</h2>
      <div id={bodyId}>{props.children}</div>
      {props.error && (
        <p class="field-error" role="alert">
          {props.error}
        </p>
      )}
      <div class="actions">
        <button type="button" class="button danger" onClick={props.onConfirm} disabled={props.busy}>
          {props.confirmLabel}
        </button>
        <button type="button" class="button secondary" ref={keep} onClick={props.onClose} disabled={props.busy}>
          {props.cancelLabel}
        </button>
      </div>
    </dialog>
  );
}

/**
 * A modal with a small form. Focus starts on `first` (its first field); Enter submits. An error
 * that belongs to no field shows above the buttons and is announced.
 */
export function FormDialog(props: {
  title: string;
  children: ComponentChildren;
  first: { current: HTMLElement | null };
  submitLabel: string;
  cancelLabel: string;
  onSubmit(): void;
  onClose(): void;
  busy?: boolean;
  error?: string;
  testId?: string;
}) {
  const dialog = useModal(props.first);
  const titleId = useId();
  return (
    <dialog
      ref={dialog}
      class="dialog"
      aria-labelledby={titleId}
      data-testid={props.testId}
      onCancel={(event) => {
        event.preventDefault();
        if (!props.busy) props.onClose();
      }}
    >
      <h2 id={titleId}>{props.title}</h2>
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          if (!props.busy) props.onSubmit();
        }}
      >
        {props.children}
        {props.error && (
          <p class="field-error" role="alert" data-testid="dialog-error">
            {props.error}
          </p>
        )}
        <div class="actions">
          <button type="submit" class="button" disabled={props.busy}>
            {props.submitLabel}
          </button>
          <button type="button" class="button secondary" onClick={props.onClose} disabled={props.busy}>
            {props.cancelLabel}
          </button>
        </div>
      </form>
    </dialog>
  );
}

/** A read-only link with a copy button, and a spoken confirmation. */
export function CopyField({ id, label, value, testId }: { id: string; label: string; value: string; testId?: string }) {
  const { t } = useI18n();
  const [message, setMessage] = useState('');
  const input = useRef<HTMLInputElement>(null);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value);
      setMessage(t.common.copied);
    } catch {
      input.current?.select();
      setMessage(t.common.copyFailed);
    }
  };
  return (
    <div class="field copy-field">
      <label for={id}>{label}</label>
      <div class="copy-row">
        <input id={id} ref={input} type="text" readOnly value={value} data-testid={testId} onFocus={(event) => event.currentTarget.select()} />
        <button type="button" class="button secondary" onClick={copy} aria-describedby={`${id}-copied`}>
          {t.common.copy}
        </button>
      </div>
      <p class="hint" id={`${id}-copied`} role="status">
        {message}
      </p>
    </div>
  );
}

/** Loading and failed states of a screen's data. */
export function LoadState({ error, loading, onRetry }: { error?: unknown; loading: boolean; onRetry(): void }) {
  const { t } = useI18n();
  if (error) {
    return (
      <div class="notice error" role="alert">
        <p>{describeError(error, t)}</p>
        <button type="button" class="button secondary" onClick={onRetry}>
          {t.common.retry}
        </button>
      </div>
    );
  }
  if (loading) {
    return (
      <p class="loading" role="status">
        {t.common.loading}
      </p>
    );
  }
  return null;
}

/**
 * A message on the page. `takeFocus`: it takes the focus when it appears, for outcomes that
 * remove the control that caused them (a cancelled row loses its button).
 */
export function Notice(props: { kind?: 'info' | 'success' | 'error' | 'warning'; children: ComponentChildren; testId?: string; takeFocus?: boolean }) {
  const { kind = 'info', children, testId, takeFocus } = props;
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (takeFocus) ref.current?.focus();
  }, []);
  return (
    <div class={`notice ${kind}`} role={kind === 'error' ? 'alert' : 'status'} data-testid={testId} ref={ref} tabIndex={takeFocus ? -1 : undefined}>
      {children}
    </div>
  );
}
