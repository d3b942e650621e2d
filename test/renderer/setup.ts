import { afterEach } from 'vitest';
import { cleanup, configure } from '@testing-library/react';

// waitFor/findBy give up after 1 s by default; behind real keychain calls on a busy
// 2-core machine that is not enough. A passing assertion returns as soon as it holds.
configure({ asyncUtilTimeout: 20_000 });

afterEach(() => cleanup());

// --- <dialog> stand-in ---
// jsdom has HTMLDialogElement but not showModal()/close() (jsdom/jsdom#3294). This
// stand-in does only the bookkeeping the HTML spec gives them: `open`, the `close`
// event, focus handed back on close, and Escape as a close request (a cancelable
// `cancel` at the top-most modal dialog, which closes it unless cancelled; nothing
// when closedby="none"). It makes nothing inert and keeps no focus inside: the real
// modality is checked in Chromium, in test/e2e/dialog-modality.test.ts.
const modals: HTMLDialogElement[] = [];
const openers = new WeakMap<HTMLDialogElement, Element | null>();

HTMLDialogElement.prototype.showModal = function showModal(this: HTMLDialogElement) {
  if (this.open) throw new DOMException('The dialog is already open.', 'InvalidStateError');
  openers.set(this, document.activeElement);
  this.open = true;
  modals.push(this);
};

HTMLDialogElement.prototype.close = function close(this: HTMLDialogElement) {
  if (!this.open) return;
  this.open = false;
  modals.splice(modals.indexOf(this), 1);
  const opener = openers.get(this);
  if (opener instanceof HTMLElement && opener.isConnected) opener.focus();
  // The spec queues this event as a task; nothing here waits for it.
  setTimeout(() => this.dispatchEvent(new Event('close')));
};

// Bubble phase on window, registered before anything else: by then every handler in the page has had its say.
window.addEventListener('keydown', (event) => {
  const top = modals.at(-1);
  if (event.key !== 'Escape' || event.defaultPrevented || !top || top.getAttribute('closedby') === 'none') return;
  if (top.dispatchEvent(new Event('cancel', { cancelable: true }))) top.close();
});
