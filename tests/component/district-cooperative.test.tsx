import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { todayInJakarta } from '../../src/domain/dates.ts';
import { rupiah } from '../../src/domain/money.ts';
import { useLanguageStore } from '../../src/i18n/language-store.ts';
import { apiError, device, json, renderDistrict, scriptedServer, signedIn, summary, type Handler } from './district-fixture.tsx';

beforeEach(() => {
  useLanguageStore.setState({ language: 'id' });
});

afterEach(() => {
  vi.restoreAllMocks();
});

const coop = summary({
  name: 'KSP Maju Bersama',
  village: 'Sukamaju',
  district: 'Jember',
  members: 2,
  pendingFlags: 1,
  devices: 1,
  devicesTotal: 2,
  totals: {
    savings: rupiah(1_500_000),
    savingsByKind: { pokok: rupiah(200_000), wajib: rupiah(300_000), sukarela: rupiah(1_000_000) },
    loansOutstanding: rupiah(4_000_000),
    loansCount: 2,
    nplBp: 2500,
  },
});
const SITI = '0193a1c4-0000-7000-8000-000000000001';
const BUDI = '0193a1c4-0000-7000-8000-000000000002';
const phone = device({ id: '0193a1c4-aaaa-4000-8000-000000000001', name: 'HP Bu Siti' });
const oldPhone = device({ id: '0193a1c4-aaaa-4000-8000-000000000002', name: 'HP lama', revokedAt: '2026-11-01T02:00:00.000Z', status: 'revoked' });

const members = {
  members: [
    { memberId: SITI, number: '001', name: 'Siti Aminah', status: 'active', savings: { pokok: 100_000, wajib: 150_000, sukarela: 1_000_000 }, loanOutstanding: 3_000_000 },
    { memberId: BUDI, number: '002', name: 'Budi Santoso', status: 'left', savings: { pokok: 100_000, wajib: 150_000, sukarela: 0 }, loanOutstanding: 1_000_000 },
  ],
};
const balanceSheet = {
  asOf: '2026-11-29',
  accounts: [
    { code: '1-101', name: 'Kas', type: 'asset', balance: 1_750_000 },
    { code: '1-110', name: 'Piutang pinjaman anggota', type: 'asset', balance: 4_000_000 },
    { code: '2-101', name: 'Simpanan sukarela', type: 'liability', balance: 1_000_000 },
    { code: '3-101', name: 'Simpanan pokok', type: 'equity', balance: 200_000 },
    { code: '3-102', name: 'Simpanan wajib', type: 'equity', balance: 300_000 },
    { code: '3-120', name: 'Hibah / donasi', type: 'equity', balance: 4_000_000 },
    { code: '3-130', name: 'SHU tahun berjalan', type: 'equity', balance: 250_000 },
  ],
  totals: { assets: 5_750_000, liabilities: 1_000_000, equity: 4_750_000 },
};
const flags = {
  flags: [
    {
      entryId: '0193a1c4-0000-7000-8000-0000000000f1',
      reason: 'savings-overdrawn',
      type: 'savings.withdrawn',
      date: '2026-11-20',
      deviceId: phone.id,
      memberId: SITI,
      loanId: null,
      details: { kind: 'sukarela', balance: -50_000 },
    },
  ],
};
const incomeStatement = {
  from: '2026-01-01',
  to: '2026-11-29',
  revenues: [{ code: '4-101', name: 'Pendapatan jasa pinjaman', amount: 300_000 }],
  expenses: [{ code: '5-150', name: 'Beban operasional (ATK, listrik, transport)', amount: 50_000 }],
  totalRevenue: 300_000,
  totalExpense: 50_000,
  shu: 250_000,
};

const reportHandler: Handler = (call) => {
  if (call.path.includes('/reports/members')) return json(200, members);
  if (call.path.includes('/reports/balance-sheet')) return json(200, balanceSheet);
  if (call.path.includes('/reports/flags')) return json(200, flags);
  if (call.path.includes('/reports/income-statement')) return json(200, incomeStatement);
  return apiError(404, 'report-unknown', 'Laporan tidak dikenal.');
};

function routes(extra: Record<string, Handler | Handler[]> = {}) {
  const base: Record<string, Handler | Handler[]> = {
    'GET /admin/me': signedIn,
    [`GET /admin/cooperatives/${coop.id}`]: () => json(200, { cooperative: coop, devices: [phone, oldPhone] }),
  };
  for (const report of ['members', 'balance-sheet', 'flags', 'income-statement', 'shu']) {
    base[`GET /cooperatives/${coop.id}/reports/${report}`] = reportHandler;
  }
  return scriptedServer({ ...base, ...extra });
}

const section = (name: string) => screen.getByRole('region', { name });

// Many clicks on a busy two-core CI machine: more room than the 5 s default, no timing asserted.
describe('a cooperative’s page', { timeout: 20_000 }, () => {
  it('shows its figures, today’s balance sheet from the server, and its flags with member names', async () => {
    const server = routes();
    renderDistrict(`/dinas/koperasi/${coop.id}`, server.client);

    expect(await screen.findByRole('heading', { level: 1, name: 'KSP Maju Bersama' })).toBeInTheDocument();
    const facts = screen.getByTestId('cooperative-facts');
    expect(facts).toHaveTextContent('Rp1.500.000');
    expect(facts).toHaveTextContent('pokok Rp200.000, wajib Rp300.000, sukarela Rp1.000.000');
    expect(facts).toHaveTextContent('Rp4.000.000 (2 pinjaman)');
    expect(facts).toHaveTextContent('25,00 %');
    expect(facts).toHaveTextContent('1 (dari 2)');

    const body = await screen.findByTestId('report-body');
    expect(within(body).getByText('Jumlah aset').closest('tr')).toHaveTextContent('Rp5.750.000');
    expect(within(body).getByText('Jumlah kewajiban dan ekuitas').closest('tr')).toHaveTextContent('Rp5.750.000');
    expect(within(body).getByText('Piutang pinjaman anggota').closest('tr')).toHaveTextContent('Rp4.000.000');
    expect(server.callsTo('GET', `/cooperatives/${coop.id}/reports/balance-sheet`)[0]?.path).toBe(
      `/cooperatives/${coop.id}/reports/balance-sheet?asOf=${todayInJakarta()}`,
    );

    // The same cells as a file, named after the cooperative, the report and its date.
    const names: string[] = [];
    vi.spyOn(URL, 'createObjectURL').mockImplementation(() => 'blob:lumbung');
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      names.push(this.download);
    });
    await userEvent.setup().click(within(section('Laporan')).getByRole('button', { name: 'Unduh CSV' }));
    expect(names).toEqual([`ksp-maju-bersama-balance-sheet-${todayInJakarta()}.csv`]);

    const flagRow = await within(section('Catatan bertanda untuk diperiksa')).findByRole('row', { name: /Penarikan melebihi saldo simpanan/ });
    expect(flagRow).toHaveTextContent('20/11/2026');
    expect(flagRow).toHaveTextContent('Penarikan simpanan');
    expect(flagRow).toHaveTextContent('001 Siti Aminah');
  });

  it('checks report parameters as typed and fetches the income statement for the chosen period', async () => {
    const user = userEvent.setup();
    const server = routes();
    renderDistrict(`/dinas/koperasi/${coop.id}`, server.client);
    await screen.findByTestId('report-body');

    await user.selectOptions(screen.getByLabelText('Pilih laporan'), 'Laba rugi (perhitungan hasil usaha)');
    const from = screen.getByLabelText('Dari tanggal');
    const to = screen.getByLabelText('Sampai tanggal');
    await user.clear(from);
    await user.type(from, '2026-12-01');
    await user.clear(to);
    await user.type(to, '2026-11-29');
    expect(screen.getByText('Tanggal "sampai" tidak boleh sebelum tanggal "dari".')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Tampilkan' })).toBeDisabled();

    await user.clear(from);
    await user.type(from, '2026-01-01');
    expect(screen.queryByText('Tanggal "sampai" tidak boleh sebelum tanggal "dari".')).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Tampilkan' }));

    const body = await screen.findByTestId('report-body');
    await waitFor(() => expect(within(body).getByText('Sisa hasil usaha (SHU)').closest('tr')).toHaveTextContent('Rp250.000'));
    expect(within(body).getByText('Jumlah pendapatan').closest('tr')).toHaveTextContent('Rp300.000');
    expect(screen.getByTestId('report-heading')).toHaveTextContent('Laba rugi (perhitungan hasil usaha) — 01/01/2026 – 29/11/2026');
    expect(server.callsTo('GET', `/cooperatives/${coop.id}/reports/income-statement`).map((c) => c.path)).toEqual([
      `/cooperatives/${coop.id}/reports/income-statement?from=2026-01-01&to=2026-11-29`,
    ]);

    await user.selectOptions(screen.getByLabelText('Pilih laporan'), 'Pembagian SHU');
    const year = screen.getByLabelText('Tahun buku');
    await user.clear(year);
    await user.type(year, '1999');
    expect(year).toHaveAccessibleDescription('Tahun harus antara 2000 dan 2200.');
    expect(screen.getByRole('button', { name: 'Tampilkan' })).toBeDisabled();
  });

  it('revokes a phone only after "Ya, cabut akses", and shows it revoked', async () => {
    const user = userEvent.setup();
    const revokedAt = '2026-11-29T04:00:00.000Z';
    const server = routes({
      [`POST /admin/devices/${phone.id}/revoke`]: () =>
        json(200, { device: { ...phone, revokedAt, status: 'revoked', cooperativeId: coop.id } }),
    });
    renderDistrict(`/dinas/koperasi/${coop.id}`, server.client);
    const devices = await screen.findByRole('region', { name: 'Perangkat (HP)' });
    expect(within(devices).getAllByTestId('device-row')).toHaveLength(2);
    // The revoked phone offers nothing to do.
    expect(within(devices).queryByRole('button', { name: 'Cabut akses HP lama' })).not.toBeInTheDocument();
    expect(within(devices).getByText('Dicabut 01/11/2026 09.00 WIB')).toBeInTheDocument();

    await user.click(within(devices).getByRole('button', { name: 'Cabut akses HP Bu Siti' }));
    const dialog = screen.getByRole('alertdialog', { name: 'Cabut akses HP Bu Siti?' });
    expect(dialog).toHaveTextContent('tidak akan bisa sinkron lagi');
    await user.click(within(dialog).getByRole('button', { name: 'Batal' }));
    expect(server.callsTo('POST', '/admin/devices')).toHaveLength(0);

    await user.click(within(devices).getByRole('button', { name: 'Cabut akses HP Bu Siti' }));
    await user.click(within(screen.getByRole('alertdialog')).getByRole('button', { name: 'Ya, cabut akses' }));
    expect(await within(devices).findByText('Akses HP Bu Siti sudah dicabut.')).toBeInTheDocument();
    expect(server.callsTo('POST', '/admin/devices')).toHaveLength(1);
    expect(within(devices).getByText('Dicabut 29/11/2026 11.00 WIB')).toBeInTheDocument();
    expect(within(devices).queryByRole('button', { name: /^Cabut akses/ })).not.toBeInTheDocument();
  });

  it('imports a backup and counts what happened to each entry, with reasons in words', async () => {
    const user = userEvent.setup();
    const answer = {
      cooperativeId: coop.id,
      total: 5,
      counts: { accepted: 2, accepted_flagged: 1, duplicate: 1, rejected: 1, gap: 0, notProcessed: 0 },
      results: [
        { id: 'a', deviceId: phone.id, seq: 1, status: 'duplicate', serverSeq: 1 },
        { id: 'b', deviceId: phone.id, seq: 2, status: 'accepted', serverSeq: 2 },
        { id: 'c', deviceId: phone.id, seq: 3, status: 'accepted', serverSeq: 3 },
        { id: 'd', deviceId: phone.id, seq: 4, status: 'accepted_flagged', serverSeq: 4, reason: 'savings-overdrawn' },
        { id: 'e', deviceId: phone.id, seq: 5, status: 'rejected', reason: 'signature-invalid' },
      ],
      serverTime: '2026-11-29T04:00:00.000Z',
    };
    // The page fetches the cooperative again after the import; on a real network that takes a while.
    const detail = () => json(200, { cooperative: coop, devices: [phone, oldPhone] });
    let release = () => undefined as unknown;
    const slowDetail: Handler = () => new Promise<Response>((resolve) => (release = () => resolve(detail())));
    const server = routes({
      [`POST /admin/cooperatives/${coop.id}/import`]: () => json(200, answer),
      [`GET /admin/cooperatives/${coop.id}`]: [detail, slowDetail],
    });
    renderDistrict(`/dinas/koperasi/${coop.id}`, server.client);
    const panel = await screen.findByRole('region', { name: 'Impor cadangan dari HP' });

    const backup = { format: 'lumbung-backup', version: 1, exportedAt: '2026-11-29T03:00:00.000Z', cooperativeId: coop.id, deviceId: phone.id, entries: [] };
    const text = JSON.stringify(backup);
    await user.upload(within(panel).getByLabelText('Berkas cadangan (.json)'), new File([text], 'lumbung-cadangan.json', { type: 'application/json' }));
    await user.click(within(panel).getByRole('button', { name: 'Impor berkas' }));

    const result = await within(panel).findByTestId('import-result');
    expect(result).toHaveTextContent('Hasil impor lumbung-cadangan.json');
    expect(result).toHaveTextContent('5 catatan dalam berkas.');
    expect(within(result).getByTestId('import-count-accepted')).toHaveTextContent('2');
    expect(within(result).getByTestId('import-count-accepted_flagged')).toHaveTextContent('1');
    expect(within(result).getByTestId('import-count-duplicate')).toHaveTextContent('1');
    expect(within(result).getByTestId('import-count-rejected')).toHaveTextContent('1');
    expect(result).toHaveTextContent('Catatan no. urut 5: Tanda tangan perangkat tidak sah.');
    // The file's text went as it was.
    expect(server.callsTo('POST', `/admin/cooperatives/${coop.id}/import`)[0]?.body).toBe(text);
    // The page fetched the cooperative again: the import may have changed its figures.
    await waitFor(() => expect(server.callsTo('GET', `/admin/cooperatives/${coop.id}`)).toHaveLength(2));
    // …without losing the result while it reloads, nor after.
    expect(screen.getByTestId('import-result')).toHaveTextContent('Catatan no. urut 5');
    release();
    await waitFor(() => expect(server.callsTo('GET', `/cooperatives/${coop.id}/reports/balance-sheet`)).toHaveLength(2));
    expect(screen.getByTestId('import-result')).toHaveTextContent('Catatan no. urut 5');
  });

  it('refuses a file that is not JSON or not a backup before sending, and says why for another cooperative’s file', async () => {
    const user = userEvent.setup();
    const server = routes({
      [`POST /admin/cooperatives/${coop.id}/import`]: () =>
        apiError(400, 'wrong-cooperative', 'Berkas cadangan ini milik koperasi lain; tidak ada yang disimpan.'),
    });
    renderDistrict(`/dinas/koperasi/${coop.id}`, server.client);
    const panel = await screen.findByRole('region', { name: 'Impor cadangan dari HP' });
    const input = within(panel).getByLabelText('Berkas cadangan (.json)');
    const submit = within(panel).getByRole('button', { name: 'Impor berkas' });

    await user.click(submit);
    expect(within(panel).getByRole('alert')).toHaveTextContent('Pilih berkas cadangan dulu.');

    await user.upload(input, new File(['PK\u0003\u0004 bukan json'], 'foto.json', { type: 'application/json' }));
    await user.click(submit);
    expect(await within(panel).findByRole('alert')).toHaveTextContent('Berkas ini bukan cadangan Lumbung: isinya bukan JSON. Tidak ada yang disimpan.');

    await user.upload(input, new File(['{"nama":"daftar belanja"}'], 'belanja.json', { type: 'application/json' }));
    await user.click(submit);
    expect(await within(panel).findByRole('alert')).toHaveTextContent('Berkas ini bukan cadangan Lumbung. Tidak ada yang disimpan.');
    expect(server.callsTo('POST', `/admin/cooperatives/${coop.id}/import`)).toHaveLength(0);

    await user.upload(input, new File([JSON.stringify({ format: 'lumbung-backup', version: 1, cooperativeId: 'lain', entries: [] })], 'lain.json'));
    await user.click(submit);
    expect(await within(panel).findByRole('alert')).toHaveTextContent('Berkas cadangan ini milik koperasi lain. Tidak ada yang disimpan.');
  });

  it('says so for a cooperative that does not exist', async () => {
    const server = scriptedServer({
      'GET /admin/me': signedIn,
      'GET /admin/cooperatives/tidak-ada': () => apiError(404, 'cooperative-not-found', 'Koperasi tidak ditemukan.'),
      'GET /cooperatives/tidak-ada/reports/members': () => apiError(404, 'cooperative-not-found', 'Koperasi tidak ditemukan.'),
    });
    renderDistrict('/dinas/koperasi/tidak-ada', server.client);
    expect(await screen.findByRole('heading', { level: 1, name: 'Koperasi ini tidak ditemukan. Mungkin alamatnya salah.' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: '← Semua koperasi' })).toHaveAttribute('href', '/dinas');
  });
});
