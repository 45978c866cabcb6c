import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { rupiah } from '../../src/domain/money.ts';
import type { CooperativeSummary } from '../../src/features/district/api-schemas.ts';
import { useLanguageStore } from '../../src/i18n/language-store.ts';
import { apiError, json, renderDistrict, scriptedServer, SERVER_TIME, signedIn, summary } from './district-fixture.tsx';

beforeEach(() => {
  useLanguageStore.setState({ language: 'id' });
});

afterEach(() => {
  vi.restoreAllMocks();
});

// Server time 2026-11-29 03:00 UTC (10.00 WIB).
const maju = summary({
  name: 'KSP Maju Bersama',
  village: 'Sukamaju',
  members: 120,
  lastSyncAt: '2026-11-28T03:00:00.000Z',
  pendingFlags: 2,
  devices: 1,
  devicesTotal: 2,
  totals: { savings: rupiah(1_250_000), loansOutstanding: rupiah(4_000_000), nplBp: 7525 },
});
const lama = summary({
  name: 'Koperasi Tani Lestari',
  village: 'Wonorejo',
  members: 45,
  createdAt: '2026-01-05T03:00:00.000Z',
  lastSyncAt: '2026-10-20T03:00:00.000Z', // 40 days before the server's time
  totals: { savings: rupiah(980_000), loansOutstanding: rupiah(0), nplBp: 0 },
});
const baru = summary({ name: 'KUD Baru', village: 'Ajung', members: 0, lastSyncAt: null, createdAt: '2026-11-27T03:00:00.000Z', devices: 0, devicesTotal: 0 });

function listOf(rows: CooperativeSummary[]) {
  return () => json(200, { cooperatives: rows, serverTime: SERVER_TIME });
}

/** jsdom's Blob has no text()/arrayBuffer(); its FileReader does the reading. */
function readBytes(blob: Blob): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result instanceof ArrayBuffer ? new Uint8Array(reader.result) : new Uint8Array());
    reader.onerror = () => reject(new Error('read failed'));
    reader.readAsArrayBuffer(blob);
  });
}
const readText = async (blob: Blob) => new TextDecoder().decode(await readBytes(blob));

const rowNames = () => screen.getAllByTestId('cooperative-row').map((row) => within(row).getByRole('link').textContent);

// Many clicks on a busy two-core CI machine: more room than the 5 s default, no timing asserted.
describe('the district table', { timeout: 20_000 }, () => {
  it('shows every cooperative with its figures, and marks the one not synced for over 30 days in words', async () => {
    const server = scriptedServer({ 'GET /admin/me': signedIn, 'GET /admin/cooperatives': listOf([maju, lama, baru]) });
    renderDistrict('/dinas', server.client);

    expect(await screen.findByTestId('district-summary')).toHaveTextContent('3 koperasi, 1 tidak sinkron lebih dari 30 hari.');
    const majuRow = screen.getByRole('link', { name: 'KSP Maju Bersama' }).closest('tr');
    if (majuRow === null) throw new Error('no row');
    expect(within(majuRow).getByText('Rp1.250.000')).toBeInTheDocument();
    expect(within(majuRow).getByText('Rp4.000.000')).toBeInTheDocument();
    expect(within(majuRow).getByText('75,25 %')).toBeInTheDocument();
    expect(within(majuRow).getByText('kemarin')).toBeInTheDocument();
    expect(within(majuRow).getByText('28/11/2026 10.00 WIB')).toBeInTheDocument();
    expect(within(majuRow).getByText('1 (dari 2)')).toBeInTheDocument();
    expect(majuRow).not.toHaveClass('district-row--stale');

    const lamaRow = screen.getByRole('link', { name: 'Koperasi Tani Lestari' }).closest('tr');
    if (lamaRow === null) throw new Error('no row');
    expect(lamaRow).toHaveClass('district-row--stale');
    expect(within(lamaRow).getByText('Lebih dari 30 hari tidak sinkron')).toBeInTheDocument();
    expect(within(lamaRow).getByText('40 hari yang lalu')).toBeInTheDocument();

    // Created two days ago and not synced yet: not late, but said.
    const baruRow = screen.getByRole('link', { name: 'KUD Baru' }).closest('tr');
    if (baruRow === null) throw new Error('no row');
    expect(baruRow).not.toHaveClass('district-row--stale');
    expect(within(baruRow).getByText('Belum pernah sinkron')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'KSP Maju Bersama' })).toHaveAttribute('href', `/dinas/koperasi/${maju.id}`);
  });

  it('sorts by any column, flipping on a second click, and says which with aria-sort', async () => {
    const user = userEvent.setup();
    const server = scriptedServer({ 'GET /admin/me': signedIn, 'GET /admin/cooperatives': listOf([maju, lama, baru]) });
    renderDistrict('/dinas', server.client);
    await screen.findByTestId('district-summary');
    expect(rowNames()).toEqual(['Koperasi Tani Lestari', 'KSP Maju Bersama', 'KUD Baru']);

    await user.click(screen.getByRole('button', { name: /^Anggota/ }));
    expect(rowNames()).toEqual(['KSP Maju Bersama', 'Koperasi Tani Lestari', 'KUD Baru']);
    expect(screen.getByRole('columnheader', { name: /^Anggota/ })).toHaveAttribute('aria-sort', 'descending');
    await user.click(screen.getByRole('button', { name: /^Anggota/ }));
    expect(rowNames()).toEqual(['KUD Baru', 'Koperasi Tani Lestari', 'KSP Maju Bersama']);
    expect(screen.getByRole('columnheader', { name: /^Anggota/ })).toHaveAttribute('aria-sort', 'ascending');
  });

  it('sorts by last sync with the never-synced first, and by NPL highest first', async () => {
    const user = userEvent.setup();
    const server = scriptedServer({ 'GET /admin/me': signedIn, 'GET /admin/cooperatives': listOf([maju, lama, baru]) });
    renderDistrict('/dinas', server.client);
    await screen.findByTestId('district-summary');

    // Last sync: the oldest (never synced first) at the top — the ones to visit.
    await user.click(screen.getByRole('button', { name: /^Sinkron terakhir/ }));
    expect(rowNames()).toEqual(['KUD Baru', 'Koperasi Tani Lestari', 'KSP Maju Bersama']);
    await user.click(screen.getByRole('button', { name: /^NPL/ }));
    expect(rowNames()[0]).toBe('KSP Maju Bersama');
    expect(screen.getByRole('columnheader', { name: /^Koperasi/ })).toHaveAttribute('aria-sort', 'none');
  });

  it('exports the table as CSV with integer rupiah and the 30-day mark', async () => {
    const user = userEvent.setup();
    const names: string[] = [];
    vi.spyOn(URL, 'createObjectURL').mockImplementation(() => 'blob:lumbung');
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      names.push(this.download);
    });
    const created = vi.spyOn(URL, 'createObjectURL');
    const server = scriptedServer({ 'GET /admin/me': signedIn, 'GET /admin/cooperatives': listOf([maju, lama]) });
    renderDistrict('/dinas', server.client);
    await screen.findByTestId('district-summary');

    await user.click(screen.getByRole('button', { name: 'Unduh CSV' }));
    expect(names).toEqual(['koperasi-kabupaten-2026-11-29.csv']);
    const blob = created.mock.calls[0]?.[0];
    if (!(blob instanceof Blob)) throw new Error('no blob');
    const lines = (await readText(blob)).replace(/^\uFEFF/, '').split('\r\n');
    expect(lines[0]).toBe(
      'Koperasi,Desa,Kabupaten,Anggota,Sinkron terakhir (UTC),Lebih dari 30 hari tidak sinkron,Total simpanan,Pinjaman beredar,NPL (%),Tanda,HP',
    );
    expect(lines[1]).toBe('Koperasi Tani Lestari,Wonorejo,Jember,45,2026-10-20T03:00:00.000Z,ya,980000,0,0,0,1');
    expect(lines[2]).toBe('KSP Maju Bersama,Sukamaju,Jember,120,2026-11-28T03:00:00.000Z,tidak,1250000,4000000,75.25,2,1');

    await user.click(screen.getByRole('button', { name: 'Unduh XLSX' }));
    expect(names).toEqual(['koperasi-kabupaten-2026-11-29.csv', 'koperasi-kabupaten-2026-11-29.xlsx']);
    const xlsx = created.mock.calls[1]?.[0];
    if (!(xlsx instanceof Blob)) throw new Error('no blob');
    // A ZIP container (the .xlsx package) starts with "PK".
    expect((await readBytes(xlsx)).subarray(0, 2)).toEqual(new Uint8Array([0x50, 0x4b]));
  });
});

describe('creating a cooperative and its enrollment code', { timeout: 20_000 }, () => {
  it('checks every field as typed and sends nothing until all are valid', async () => {
    const user = userEvent.setup();
    const server = scriptedServer({ 'GET /admin/me': signedIn, 'GET /admin/cooperatives': listOf([maju]) });
    renderDistrict('/dinas', server.client);
    const name = await screen.findByLabelText('Nama koperasi');
    const submit = screen.getByRole('button', { name: 'Buat koperasi' });
    // The district is prefilled with the district the office's cooperatives are in.
    expect(screen.getByLabelText('Kabupaten')).toHaveValue('Jember');
    expect(submit).toBeDisabled();

    await user.type(name, 'x');
    await user.clear(name);
    expect(name).toHaveAccessibleDescription('Wajib diisi.');
    await user.type(name, '   ');
    expect(name).toHaveAccessibleDescription('Wajib diisi.');
    await user.clear(name);
    await user.click(name);
    await user.paste('K'.repeat(101));
    expect(name).toHaveAccessibleDescription('Paling banyak 100 huruf.');
    await user.clear(name);
    await user.click(name);
    await user.paste('KSP\u0007Maju');
    expect(name).toHaveAccessibleDescription('Ada karakter yang tidak boleh dipakai (tab, baris baru, karakter kendali).');
    await user.clear(name);
    await user.type(name, 'KSP Sumber Rejeki');
    expect(name).toHaveAttribute('aria-invalid', 'false');
    expect(submit).toBeDisabled(); // village still empty
    expect(server.callsTo('POST', '/admin/cooperatives')).toHaveLength(0);
  });

  it('creates the cooperative, lists it, and shows the code slip: big code, expiry, "berlaku 7 hari, sekali pakai"', async () => {
    const user = userEvent.setup();
    const created = summary({ name: 'KSP Sumber Rejeki', village: 'Kemuning', district: 'Jember', lastSyncAt: null, createdAt: SERVER_TIME, members: 0 });
    const server = scriptedServer({
      'GET /admin/me': signedIn,
      'GET /admin/cooperatives': listOf([maju]),
      'POST /admin/cooperatives': () => json(201, { cooperative: created }),
      [`POST /admin/cooperatives/${created.id}/enrollment-codes`]: [
        () => json(201, { code: 'ABCD-EFGH-JKLM', expiresAt: '2026-12-06T03:00:00.000Z', cooperativeId: created.id }),
        () => json(201, { code: 'NPQR-STUV-WXYZ', expiresAt: '2026-12-06T03:05:00.000Z', cooperativeId: created.id }),
      ],
    });
    renderDistrict('/dinas', server.client);
    await user.type(await screen.findByLabelText('Nama koperasi'), '  KSP Sumber Rejeki ');
    await user.type(screen.getByLabelText('Desa/kelurahan'), 'Kemuning');
    await user.click(screen.getByRole('button', { name: 'Buat koperasi' }));

    expect(await screen.findByText('Koperasi KSP Sumber Rejeki sudah dibuat.')).toBeInTheDocument();
    expect(JSON.parse(server.callsTo('POST', '/admin/cooperatives')[0]?.body ?? '{}')).toEqual({
      name: 'KSP Sumber Rejeki',
      village: 'Kemuning',
      district: 'Jember',
    });
    expect(rowNames()).toContain('KSP Sumber Rejeki');
    // The form is ready for the next one, the district kept.
    expect(screen.getByLabelText('Nama koperasi')).toHaveValue('');
    expect(screen.getByLabelText('Kabupaten')).toHaveValue('Jember');

    await user.click(screen.getByRole('button', { name: 'Buat kode pendaftaran' }));
    expect(await screen.findByTestId('enrollment-code')).toHaveTextContent('ABCD-EFGH-JKLM');
    expect(screen.getByText('berlaku 7 hari, sekali pakai')).toBeInTheDocument();
    expect(screen.getByText('Berlaku sampai 06/12/2026 10.00 WIB')).toBeInTheDocument();
    expect(screen.getByText('Untuk KSP Sumber Rejeki, Kemuning')).toBeInTheDocument();
    expect(screen.getByText(`Isi alamat server: ${window.location.origin}`)).toBeInTheDocument();

    const print = vi.spyOn(window, 'print').mockImplementation(() => undefined);
    await user.click(screen.getByRole('button', { name: 'Cetak slip' }));
    expect(print).toHaveBeenCalledTimes(1);

    await user.click(screen.getByRole('button', { name: 'Buat kode baru' }));
    await waitFor(() => expect(screen.getByTestId('enrollment-code')).toHaveTextContent('NPQR-STUV-WXYZ'));
  });

  it('shows the server’s refusal in Indonesian and keeps what was typed', async () => {
    const user = userEvent.setup();
    const server = scriptedServer({
      'GET /admin/me': signedIn,
      'GET /admin/cooperatives': listOf([]),
      'POST /admin/cooperatives': () => apiError(400, 'invalid-request', 'Permintaan tidak sah.'),
    });
    renderDistrict('/dinas', server.client);
    expect(await screen.findByText('Belum ada koperasi. Buat koperasi pertama di bawah.')).toBeInTheDocument();
    await user.type(screen.getByLabelText('Nama koperasi'), 'KSP Sumber Rejeki');
    await user.type(screen.getByLabelText('Desa/kelurahan'), 'Kemuning');
    await user.type(screen.getByLabelText('Kabupaten'), 'Jember');
    await user.click(screen.getByRole('button', { name: 'Buat koperasi' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Isian tidak diterima server. Periksa lagi isiannya.');
    expect(screen.getByLabelText('Nama koperasi')).toHaveValue('KSP Sumber Rejeki');
  });
});
