import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { File as NodeFile } from 'node:buffer';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import keytar from 'keytar';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AccessKeySummary } from '../../electron/shared/access-keys/types';
import { buildKeyFile, handoffText, keyFileText } from '../../electron/core/key-files/format';
import { fingerprintOf } from '../../electron/core/key-files/fingerprint';
import { useAppStore } from '../../renderer/src/store';
import type { TestBackend } from '../support/test-backend';
import { connectBackend, disconnect, findToast, record, renderApp, withOverride } from './helpers';
import { openSection, rowWith, seedAuthorization, startApp, unwrap } from './provider-helpers';
import { everyAuthorization } from '../support/every-record';

// The key-file handoff through the real handlers: the caller exports from the
// details page, the provider imports from a file dialog, pasted text or a drop.

let backend: TestBackend;
let folder: string;

beforeEach(async () => {
  backend = await connectBackend();
  folder = await mkdtemp(join(tmpdir(), 'gatekey-handoff-'));
});
afterEach(async () => {
  await disconnect(backend);
  await rm(folder, { recursive: true, force: true });
});

/** A key file as another machine's Gatekey would write it. */
const keyFile = (id: string, name: string, description = '') => buildKeyFile(record({ id, name, description }), new Date('2025-03-01T10:00:00Z'));

async function writeKeyFile(fileName: string, content: string | Uint8Array): Promise<string> {
  const path = join(folder, fileName);
  await writeFile(path, content);
  return path;
}

const authorizations = async () => unwrap(await everyAuthorization(backend.api));

describe('Access Key details: hand over the APIKey', () => {
  let key: AccessKeySummary;

  async function openDetails() {
    key = unwrap(await backend.api.accessKeys.create({ name: 'payments', description: 'Payment gateway' }));
    const view = await renderApp();
    await view.user.click(screen.getByRole('button', { name: 'payments' }));
    await screen.findByRole('heading', { level: 1, name: 'payments' });
    return { ...view, card: screen.getByRole('region', { name: 'Hand over to a provider' }) };
  }

  it('shows the fingerprint to read out', async () => {
    const { card } = await openDetails();
    expect(key.fingerprint).toMatch(/^[0-9a-f]{8}$/);
    expect(within(card).getByText(key.fingerprint)).toBeTruthy();
    expect(card.textContent).toContain(`Fingerprint ${key.fingerprint}`);
    expect(within(card).getByText('Read it to the provider to confirm the handoff.')).toBeTruthy();
  });

  it('exports a key file that holds the APIKey and never the secret', async () => {
    const { user, card } = await openDetails();
    const path = join(folder, 'payments.gatekey.json');
    backend.desktop.savePath = path;
    await user.click(within(card).getByRole('button', { name: 'Export APIKey' }));
    await findToast(`Key file saved to ${path}`);

    const text = await readFile(path, 'utf8');
    const secret = await keytar.getPassword(backend.service, key.id);
    expect(secret).toBeTruthy();
    expect(text).toContain(key.apiKey);
    expect(text).not.toContain(secret!);
    expect(JSON.parse(text)).toMatchObject({ format: 'gatekey.apikey', accessKeyId: key.id, apiKey: key.apiKey, name: 'payments' });
  });

  it('does nothing when the save dialog is cancelled', async () => {
    const { user, card } = await openDetails();
    backend.desktop.savePath = null;
    await user.click(within(card).getByRole('button', { name: 'Export APIKey' }));
    await waitFor(() => expect((within(card).getByRole('button', { name: 'Export APIKey' }) as HTMLButtonElement).disabled).toBe(false));
    expect(useAppStore.getState().toasts).toEqual([]);
    expect(await readdir(folder)).toEqual([]);
  });

  it('copies one line of handoff text', async () => {
    const { user, card } = await openDetails();
    await user.click(within(card).getByRole('button', { name: 'Copy handoff text' }));
    await findToast('Handoff text copied — paste it in chat');
    const line = backend.clipboard.text;
    expect(line).toMatch(/^gatekey-apikey:[A-Za-z0-9_-]+$/);
    const decoded = Buffer.from(line.slice('gatekey-apikey:'.length), 'base64url').toString('utf8');
    expect(decoded).toContain(key.apiKey);
    expect(decoded).not.toContain((await keytar.getPassword(backend.service, key.id))!);
  });
});

describe('Import key files', () => {
  const fresh = keyFile('a1a1a1a1a1a1', 'orders-robot', 'Nightly order sync');
  const existing = keyFile('b2b2b2b2b2b2', 'billing');

  async function openCreate() {
    const view = await startApp();
    await openSection(view.user, 'Access Authorization');
    await view.user.click(screen.getAllByRole('button', { name: 'Create Authorization' })[0]!);
    return { ...view, create: screen.getByRole('dialog', { name: 'Create Authorization' }) };
  }

  /** The Import Key Files dialog once main's preview is in (it says "Checking key files…" until then). */
  async function importDialog(): Promise<HTMLElement> {
    const list = await screen.findByRole('list', { name: 'Items to import' });
    const dialog = list.closest<HTMLElement>('dialog')!;
    expect(within(dialog).getByRole('heading', { name: 'Import Key Files' })).toBeTruthy();
    return dialog;
  }
  const item = (dialog: HTMLElement, name: string) => within(dialog).getByRole('listitem', { name });

  it('previews chosen files, creates the new one and reports each outcome', async () => {
    const before = await seedAuthorization(backend, existing.apiKey, 'billing');
    const broken = keyFileText(fresh).replace('Nightly order sync', 'Nightly order sink');
    backend.desktop.openPaths = [
      await writeKeyFile('orders.gatekey.json', keyFileText(fresh)),
      await writeKeyFile('broken.gatekey.json', broken),
      await writeKeyFile('billing.gatekey.json', keyFileText(existing)),
      await writeKeyFile('huge.gatekey.json', new Uint8Array(64 * 1024 + 1)),
    ];
    const { user, create } = await openCreate();
    await user.click(within(create).getByRole('button', { name: 'Import key file…' }));

    const dialog = await importDialog();
    const orders = item(dialog, 'orders-robot');
    expect(within(orders).getByText('orders.gatekey.json')).toBeTruthy();
    expect(within(orders).getByText('a1a1a1a1a1a1')).toBeTruthy();
    expect(within(orders).getByText(fresh.apiKey).tagName).toBe('CODE');
    expect(within(orders).getByText(fingerprintOf(fresh.apiKey))).toBeTruthy();
    expect(within(orders).getByText('Will be authorized')).toBeTruthy();
    expect(within(item(dialog, 'broken.gatekey.json')).getByText(/^Rejected: Its checksum does not match/)).toBeTruthy();
    expect(within(item(dialog, 'billing')).getByText(/Already authorized/)).toBeTruthy();
    expect(within(item(dialog, 'huge.gatekey.json')).getByText(/^Rejected: It is larger than 64 KiB/)).toBeTruthy();
    expect(screen.queryByRole('dialog', { name: 'Create Authorization' })).toBeNull();
    // Nothing is written before the confirmation.
    expect(await authorizations()).toHaveLength(1);

    const confirm = within(dialog).getByRole('button', { name: 'Create 1 authorization' });
    expect(document.activeElement).toBe(confirm);
    await user.click(confirm);

    const summary = await screen.findByText('Created 1 authorization. 1 already authorized (skipped). 2 rejected.');
    const summaryDialog = summary.closest('dialog') as HTMLElement;
    expect(within(summaryDialog).getByRole('region', { name: 'Created 1' }).textContent).toContain(fresh.apiKey);
    expect(within(summaryDialog).getByRole('region', { name: 'Already authorized, skipped 1' }).textContent).toContain(existing.apiKey);
    const rejected = within(summaryDialog).getByRole('region', { name: 'Rejected 2' });
    expect(rejected.textContent).toContain('broken.gatekey.json');
    expect(rejected.textContent).toContain('huge.gatekey.json');

    const all = await authorizations();
    expect(all.map((a) => a.callerKey).sort()).toEqual([fresh.apiKey, existing.apiKey].sort());
    expect(all.find((a) => a.id === before.id)?.description).toBe('billing');
    // The list behind the dialog is already refreshed.
    expect(rowWith(fresh.apiKey).textContent).toContain(`Fingerprint ${fingerprintOf(fresh.apiKey)}`);

    await user.click(within(summaryDialog).getByRole('button', { name: 'Done' }));
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('opens the existing authorization from the preview', async () => {
    const before = await seedAuthorization(backend, existing.apiKey, 'billing');
    await seedAuthorization(backend, 'ffffffffffff', 'other');
    backend.desktop.openPaths = [await writeKeyFile('billing.gatekey.json', keyFileText(existing))];
    const { user, create } = await openCreate();
    await user.click(within(create).getByRole('button', { name: 'Import key file…' }));
    const dialog = await importDialog();
    expect((within(dialog).getByRole('button', { name: 'Create 0 authorizations' }) as HTMLButtonElement).disabled).toBe(true);
    expect(within(dialog).getByText(/Nothing new to authorize/)).toBeTruthy();

    await user.click(within(item(dialog, 'billing')).getByRole('button', { name: 'Open' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(useAppStore.getState().highlightedAuthorizationId).toBe(before.id);
    expect(rowWith(existing.apiKey).getAttribute('aria-current')).toBe('true');
  });

  it('works from the keyboard alone', async () => {
    backend.desktop.openPaths = [await writeKeyFile('orders.gatekey.json', keyFileText(fresh))];
    const { user, create } = await openCreate();
    const button = within(create).getByRole('button', { name: 'Import key file…' });
    for (let i = 0; i < 10 && document.activeElement !== button; i += 1) await user.tab();
    expect(document.activeElement).toBe(button);
    await user.keyboard('{Enter}');
    const dialog = await importDialog();
    await waitFor(() => expect(document.activeElement).toBe(within(dialog).getByRole('button', { name: 'Create 1 authorization' })));
    await user.keyboard('{Enter}');
    const done = await screen.findByRole('button', { name: 'Done' });
    expect(document.activeElement).toBe(done);
    await user.keyboard('{Enter}');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(await authorizations()).toMatchObject([{ callerKey: fresh.apiKey }]);
  });

  it('leaves Create Authorization open when the file dialog is cancelled', async () => {
    backend.desktop.openPaths = [];
    const { user, create } = await openCreate();
    await user.click(within(create).getByRole('button', { name: 'Import key file…' }));
    await waitFor(() => expect((within(create).getByRole('button', { name: 'Import key file…' }) as HTMLButtonElement).disabled).toBe(false));
    expect(screen.getByRole('dialog', { name: 'Create Authorization' })).toBe(create);
    expect(screen.queryByRole('dialog', { name: 'Import Key Files' })).toBeNull();
  });

  it('imports pasted handoff text, with the name shown as text and never as markup', async () => {
    const hostile = keyFile('c3c3c3c3c3c3', '<img src=x onerror=alert(1)>');
    const { user, create } = await openCreate();
    expect(document.activeElement).toBe(within(create).getByRole('textbox', { name: 'Access Key ID or APIKey' }));
    await user.paste(` ${handoffText(hostile)}\n`);

    const dialog = await importDialog();
    const entry = item(dialog, '<img src=x onerror=alert(1)>');
    const name = within(entry).getByText('<img src=x onerror=alert(1)>');
    expect(name.getAttribute('dir')).toBe('auto');
    expect(within(entry).getByText('Pasted handoff text')).toBeTruthy();
    expect(document.querySelector('img')).toBeNull();

    await user.click(within(dialog).getByRole('button', { name: 'Create 1 authorization' }));
    await screen.findByText('Created 1 authorization.');
    expect(document.querySelector('img')).toBeNull();
    expect(await authorizations()).toMatchObject([{ callerKey: hostile.apiKey, description: '<img src=x onerror=alert(1)>' }]);
    await user.click(screen.getByRole('button', { name: 'Done' }));
    expect(rowWith(hostile.apiKey).textContent).toContain('<img src=x onerror=alert(1)>');
    expect(document.querySelector('img')).toBeNull();
  });

  it('takes damaged handoff text to the preview as rejected, writing nothing', async () => {
    const { user } = await openCreate();
    const line = handoffText(fresh);
    await user.paste(`${line.slice(0, -6)}`);
    const dialog = await importDialog();
    expect(within(dialog).getByText(/^Rejected: /)).toBeTruthy();
    expect((within(dialog).getByRole('button', { name: 'Create 0 authorizations' }) as HTMLButtonElement).disabled).toBe(true);
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(await authorizations()).toEqual([]);
  });

  it('imports files dropped on the page, refusing one over 64 KiB unread', async () => {
    const { user } = await startApp();
    await openSection(user, 'Access Authorization');
    // jsdom's File has no arrayBuffer(); Node's is the same Web API Chromium gives the page.
    const good = new NodeFile([keyFileText(fresh)], 'orders.gatekey.json');
    const huge = new NodeFile([new Uint8Array(64 * 1024 + 1)], 'huge.gatekey.json');
    const readHuge = vi.spyOn(huge, 'arrayBuffer');
    const target = screen.getByRole('heading', { level: 1, name: 'Access Authorization' });

    fireEvent.dragEnter(target, { dataTransfer: { types: ['Files'], files: [] } });
    expect(screen.getByText('Drop key files to import')).toBeTruthy();
    fireEvent.dragLeave(target, { dataTransfer: { types: ['Files'], files: [] } });
    expect(screen.queryByText('Drop key files to import')).toBeNull();

    fireEvent.dragEnter(target, { dataTransfer: { types: ['Files'], files: [] } });
    await act(async () => {
      fireEvent.drop(target, { dataTransfer: { types: ['Files'], files: [good, huge] } });
    });
    expect(screen.queryByText('Drop key files to import')).toBeNull();
    const dialog = await importDialog();
    expect(within(item(dialog, 'orders-robot')).getByText('Will be authorized')).toBeTruthy();
    expect(within(item(dialog, 'huge.gatekey.json')).getByText('Rejected: It is larger than 64 KiB; a key file is under 1 KiB.')).toBeTruthy();
    expect(readHuge).not.toHaveBeenCalled();

    await user.click(within(dialog).getByRole('button', { name: 'Create 1 authorization' }));
    await screen.findByText('Created 1 authorization. 1 rejected.');
    expect(await authorizations()).toMatchObject([{ callerKey: fresh.apiKey, description: 'orders-robot: Nightly order sync' }]);

    // Straight on to binding the new authorization.
    await user.click(screen.getByRole('button', { name: 'Bind API groups' }));
    expect(screen.getByRole('dialog', { name: 'Bind API Groups' })).toBeTruthy();
  });

  it('shows how far an import of several keys has got while main works, and no bar for a single key', async () => {
    const batch = [1, 2, 3].map((n) => keyFile(`d${n}`.repeat(6), `batch-${n}`));
    backend.desktop.openPaths = await Promise.all(batch.map((key, n) => writeKeyFile(`batch-${n}.gatekey.json`, keyFileText(key))));
    // Main's real progress events and reply, except that its last event and its reply wait for the
    // test (as behind a slow disk): an import this small is over before the page could be looked at.
    let release = () => undefined as void;
    let held = new Promise<void>((resolve) => (release = resolve));
    const real = backend.api.keyFiles.import;
    window.api = {
      ...withOverride(backend.api, 'keyFiles.import', async (input) => {
        const reply = await real(input);
        await held;
        return reply;
      }),
      events: {
        subscribe: (listener) =>
          backend.api.events.subscribe((event) => {
            if (event.type === 'progress' && event.data.done === event.data.total) void held.then(() => listener(event));
            else listener(event);
          }),
      },
    };
    const { user, create } = await openCreate();
    await user.click(within(create).getByRole('button', { name: 'Import key file…' }));
    const dialog = await importDialog();
    expect(within(dialog).queryByRole('progressbar')).toBeNull();

    await user.click(within(dialog).getByRole('button', { name: 'Create 3 authorizations' }));
    // Two of three done: the third is on its way.
    const bar = await within(dialog).findByRole('progressbar', { name: 'Importing 3 of 3' });
    expect(bar.tagName).toBe('PROGRESS');
    expect([(bar as HTMLProgressElement).value, (bar as HTMLProgressElement).max]).toEqual([2, 3]);
    expect(within(dialog).getByRole('button', { name: 'Creating…' })).toBeTruthy();

    await act(async () => release());
    await screen.findByText('Created 3 authorizations.');
    expect(screen.queryByRole('progressbar')).toBeNull();
    expect(useAppStore.getState().progress).toEqual({});
    await user.click(screen.getByRole('button', { name: 'Done' }));

    // One key: main says "0 of 1" before it is done, which is no news worth a bar.
    held = new Promise<void>((resolve) => (release = resolve));
    backend.desktop.openPaths = [await writeKeyFile('orders.gatekey.json', keyFileText(fresh))];
    await user.click(screen.getAllByRole('button', { name: 'Create Authorization' })[0]!);
    await user.click(within(screen.getByRole('dialog', { name: 'Create Authorization' })).getByRole('button', { name: 'Import key file…' }));
    const single = await importDialog();
    await user.click(within(single).getByRole('button', { name: 'Create 1 authorization' }));
    await within(single).findByRole('button', { name: 'Creating…' });
    await waitFor(() => expect(useAppStore.getState().progress.importKeys).toEqual({ done: 0, total: 1 }));
    expect(within(single).queryByRole('progressbar')).toBeNull();
    await act(async () => release());
    await screen.findByText('Created 1 authorization.');
  });

  it('previews the first 200 of 202 chosen files, as a drop would, and gives each of the rest a reason', async () => {
    const paths: string[] = [];
    for (let n = 0; n < 202; n += 1) paths.push(await writeKeyFile(`k${n}.gatekey.json`, keyFileText(keyFile(n.toString(16).padStart(12, 'f'), `key-${n}`))));
    backend.desktop.openPaths = paths;
    const { user, create } = await openCreate();
    await user.click(within(create).getByRole('button', { name: 'Import key file…' }));

    const dialog = await importDialog();
    expect(within(dialog).getAllByText('Will be authorized')).toHaveLength(200);
    for (const source of ['k200.gatekey.json', 'k201.gatekey.json']) {
      expect(within(item(dialog, source)).getByText('Rejected: Only 200 items can be imported at once; import the rest separately.')).toBeTruthy();
    }
    expect(within(dialog).getByRole('button', { name: 'Create 200 authorizations' })).toBeTruthy();
  }, 60_000);

  it('imports handoff text that an e-mail quoted and wrapped', async () => {
    const line = handoffText(fresh);
    const { user } = await openCreate();
    await user.paste(`> ${line.slice(0, 48)}\r\n>   ${line.slice(48, 130)}\r\n> ${line.slice(130)}\r\n`);

    const dialog = await importDialog();
    expect(within(item(dialog, 'orders-robot')).getByText('Will be authorized')).toBeTruthy();
    await user.click(within(dialog).getByRole('button', { name: 'Create 1 authorization' }));
    await screen.findByText('Created 1 authorization.');
    expect(await authorizations()).toMatchObject([{ callerKey: fresh.apiKey, accessKeyId: fresh.accessKeyId }]);
  }, 60_000);

  it('forgets a preview cancelled while main still checks it; the next drop starts afresh', async () => {
    const { user } = await startApp();
    await openSection(user, 'Access Authorization');
    let release = () => undefined as void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let answered = () => undefined as void;
    const firstAnswered = new Promise<void>((resolve) => (answered = resolve));
    const real = backend.api.keyFiles.previewImport;
    let calls = 0;
    window.api = withOverride(backend.api, 'keyFiles.previewImport', async (input) => {
      calls += 1;
      if (calls > 1) return real(input);
      await held;
      const answer = await real(input);
      setTimeout(answered);
      return answer;
    });
    const drop = async () =>
      act(async () => {
        fireEvent.drop(document.body, { dataTransfer: { types: ['Files'], files: [new NodeFile([keyFileText(fresh)], 'orders.gatekey.json')] } });
      });

    await drop();
    const checking = await screen.findByRole('dialog', { name: 'Import Key Files' });
    // (The dialog's other status region is its empty one for toasts.)
    expect(within(checking).getByText('Checking key files…').getAttribute('role')).toBe('status');
    await user.click(within(checking).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    // Main's late answer about the cancelled files must not reopen the dialog.
    await act(async () => {
      release();
      await firstAnswered;
    });
    expect(screen.queryByRole('dialog')).toBeNull();

    await drop();
    const dialog = await importDialog();
    expect(within(item(dialog, 'orders-robot')).getByText('Will be authorized')).toBeTruthy();
    expect(calls).toBe(2);
    expect(await authorizations()).toEqual([]);
  });

  it('imports several dropped files with names that need no trust', async () => {
    const { user } = await startApp();
    await openSection(user, 'Access Authorization');
    const files = ['d4d4d4d4d4d4', 'e5e5e5e5e5e5'].map((id, n) => new NodeFile([keyFileText(keyFile(id, `key ${n}`))], `<b>${n}</b>.gatekey.json`));
    await act(async () => {
      fireEvent.drop(document.body, { dataTransfer: { types: ['Files'], files } });
    });
    const dialog = await importDialog();
    expect(within(dialog).getByText('<b>0</b>.gatekey.json')).toBeTruthy();
    expect(dialog.querySelector('b')).toBeNull();
    await user.click(within(dialog).getByRole('button', { name: 'Create 2 authorizations' }));
    await screen.findByText('Created 2 authorizations.');
    expect(await authorizations()).toHaveLength(2);
  });
});
