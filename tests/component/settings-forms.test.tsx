import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import type { LumbungDb } from '../../src/db/database.ts';
import SettingsPage from '../../src/features/settings/index.tsx';
import { readCooperative } from '../../src/features/session/cooperative.ts';
import { closeSession, openSignedInSession, type TestSession } from './session-fixture.ts';

let session: TestSession | undefined;
afterEach(() => closeSession(session));

/** The `settings.changed` entries on the phone, oldest first, as {key, value}. */
async function settingEntries(db: LumbungDb): Promise<{ key: string; value: unknown }[]> {
  const rows = await db.entries.where('type').equals('settings.changed').sortBy('order');
  return rows.flatMap((row) => (row.entry.type === 'settings.changed' ? [{ key: row.entry.data.key, value: row.entry.data.value }] : []));
}

const section = (name: string) => screen.getByRole('region', { name });

async function openPage(options: Parameters<typeof openSignedInSession>[0] = {}) {
  session = await openSignedInSession(options);
  render(<SettingsPage />);
  await screen.findByRole('region', { name: 'Pembagian SHU' });
  return session.db;
}

describe('Pengaturan: cooperative settings as entries', () => {
  it('SHU allocation must sum to exactly 100 %, live; the saved entry holds basis points', { timeout: 20_000 }, async () => {
    const db = await openPage();
    const shu = section('Pembagian SHU');
    const save = within(shu).getByRole('button', { name: 'Simpan' });
    expect(within(shu).getByTestId('shu-total')).toHaveTextContent('Jumlah: 100 %');

    const cadangan = within(shu).getByLabelText('Cadangan');
    await userEvent.clear(cadangan);
    await userEvent.type(cadangan, '45');
    expect(within(shu).getByRole('alert')).toHaveTextContent('Jumlahnya 105 %, harus tepat 100 %.');
    expect(save).toBeDisabled();

    const pendidikan = within(shu).getByLabelText('Dana pendidikan');
    await userEvent.clear(pendidikan);
    await userEvent.type(pendidikan, '2,555');
    expect(pendidikan).toHaveAttribute('aria-invalid', 'true');
    expect(within(shu).getByText('Paling banyak dua angka di belakang koma.')).toBeInTheDocument();
    expect(save).toBeDisabled();

    // 45 + 20 + 20 + 5 + 5 + 2,5 + 2,5 = 100
    await userEvent.clear(pendidikan);
    await userEvent.type(pendidikan, '2,5');
    const sosial = within(shu).getByLabelText('Dana sosial');
    await userEvent.clear(sosial);
    await userEvent.type(sosial, '2,5');
    expect(within(shu).getByTestId('shu-total')).toHaveTextContent('Jumlah: 100 %');
    expect(save).toBeEnabled();
    await userEvent.click(save);
    expect(await within(shu).findByText('Tersimpan')).toBeInTheDocument();

    expect(await settingEntries(db)).toEqual([
      {
        key: 'shuAllocation',
        value: { cadangan: 4500, jasa_modal: 2000, jasa_anggota: 2000, pengurus: 500, karyawan: 500, pendidikan: 250, sosial: 250 },
      },
    ]);
    // The ledger now reads the new allocation.
    expect((await readCooperative(db))?.settings.shuAllocation).toMatchObject({ cadangan: 4500, sosial: 250 });
  });

  it('collectibility bounds must increase; nothing is saved while they do not', { timeout: 20_000 }, async () => {
    const db = await openPage();
    const form = section('Kolektibilitas pinjaman');
    const save = within(form).getByRole('button', { name: 'Simpan' });
    const kurang = within(form).getByLabelText('Kurang lancar sampai (hari)');
    await userEvent.clear(kurang);
    await userEvent.type(kurang, '80');
    expect(within(form).getByRole('alert')).toHaveTextContent('Batasnya harus makin besar: lancar < kurang lancar < diragukan.');
    expect(save).toBeDisabled();
    await userEvent.type(kurang, 'x');
    expect(within(form).getByText('Tulis angka bulat saja.')).toBeInTheDocument();

    await userEvent.clear(kurang);
    await userEvent.type(kurang, '120');
    const diragukan = within(form).getByLabelText('Diragukan sampai (hari)');
    await userEvent.clear(diragukan);
    await userEvent.type(diragukan, '200');
    await userEvent.click(save);
    expect(await within(form).findByText('Tersimpan')).toBeInTheDocument();
    expect(await settingEntries(db)).toEqual([{ key: 'collectibility', value: { lancar: 90, kurang_lancar: 120, diragukan: 200 } }]);
  });

  it('simpanan wajib refuses zero, non-numbers and absurd amounts, then records the integer rupiah', { timeout: 20_000 }, async () => {
    const db = await openPage();
    const form = section('Simpanan wajib (setiap bulan)');
    const save = within(form).getByRole('button', { name: 'Simpan simpanan wajib' });
    const field = within(form).getByRole('textbox', { name: 'Simpanan wajib (setiap bulan)' });
    expect(field).toHaveValue('20000');

    await userEvent.clear(field);
    await userEvent.type(field, '0');
    expect(within(form).getByRole('alert')).toHaveTextContent('Jumlah harus lebih dari nol.');
    expect(save).toBeDisabled();
    await userEvent.clear(field);
    await userEvent.type(field, 'dua puluh');
    expect(within(form).getByRole('alert')).toHaveTextContent('Jumlah harus angka');
    await userEvent.clear(field);
    await userEvent.type(field, '-5000');
    expect(within(form).getByRole('alert')).toHaveTextContent('Jumlah tidak boleh negatif.');
    await userEvent.clear(field);
    await userEvent.type(field, '25000000');
    expect(within(form).getByRole('alert')).toHaveTextContent('Jumlah terlalu besar: paling banyak Rp10.000.000.');
    expect(save).toBeDisabled();

    await userEvent.clear(field);
    await userEvent.type(field, '25.000');
    expect(within(form).getByText('Rp25.000')).toBeInTheDocument();
    await userEvent.click(save);
    expect(await within(form).findByText('Tersimpan')).toBeInTheDocument();
    expect(await settingEntries(db)).toEqual([{ key: 'simpananWajib', value: 25_000 }]);
  });

  it('loan defaults: percent with a decimal comma to basis points, months in range, method', { timeout: 20_000 }, async () => {
    const db = await openPage();
    const form = section('Bawaan pinjaman');
    const save = within(form).getByRole('button', { name: 'Simpan' });
    const rate = within(form).getByLabelText('Bunga per bulan (%)');
    expect(rate).toHaveValue('1,5');
    await userEvent.clear(rate);
    await userEvent.type(rate, '1,5%x');
    expect(within(form).getByText('Tulis angka saja, misalnya 1,5.')).toBeInTheDocument();
    expect(save).toBeDisabled();
    await userEvent.clear(rate);
    await userEvent.type(rate, '2,25');

    const months = within(form).getByLabelText('Lama pinjaman (bulan)');
    await userEvent.clear(months);
    await userEvent.type(months, '0');
    expect(within(form).getByText('Angka di luar batas yang boleh.')).toBeInTheDocument();
    expect(save).toBeDisabled();
    await userEvent.clear(months);
    await userEvent.type(months, '10');

    await userEvent.click(within(form).getByRole('radio', { name: 'Anuitas' }));
    await userEvent.clear(within(form).getByLabelText('Biaya administrasi (% dari pokok, boleh kosong)'));
    const fine = within(form).getByLabelText('Denda keterlambatan per hari (%)');
    await userEvent.clear(fine);
    await userEvent.type(fine, '0,2');
    await userEvent.click(save);
    expect(await within(form).findByText('Tersimpan')).toBeInTheDocument();
    expect(await settingEntries(db)).toEqual([{ key: 'loanDefaults', value: { rateBp: 225, months: 10, method: 'anuitas', fineBpPerDay: 20 } }]);
  });

  it('profile: the name is required on a trial phone; the saved profile keeps only what was filled', { timeout: 20_000 }, async () => {
    const db = await openPage();
    const form = section('Profil koperasi');
    const save = within(form).getByRole('button', { name: 'Simpan' });
    const name = within(form).getByLabelText('Nama koperasi');
    expect(save).toBeDisabled();
    expect(within(form).getByText('Wajib diisi.')).toBeInTheDocument();
    await userEvent.type(name, '  KDMP Sumber Makmur ');
    await userEvent.type(within(form).getByLabelText('Desa'), 'Sumbermakmur');
    await userEvent.type(within(form).getByLabelText('Nama bendahara'), 'Siti Aminah');
    await userEvent.click(save);
    expect(await within(form).findByText('Tersimpan')).toBeInTheDocument();
    expect(await settingEntries(db)).toEqual([
      { key: 'profile', value: { name: 'KDMP Sumber Makmur', village: 'Sumbermakmur', treasurer: 'Siti Aminah' } },
    ]);
    await waitFor(async () => expect((await readCooperative(db))?.name).toBe('KDMP Sumber Makmur'));
  });

  it('a supervisor (pengawas) sees the settings but can save none', { timeout: 20_000 }, async () => {
    await openPage({ role: 'pengawas' });
    expect(screen.getByText('Anda masuk sebagai pengawas: pengaturan hanya bisa dilihat.')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Simpan' })).not.toBeInTheDocument();
    expect(screen.queryByLabelText('Pilih berkas cadangan')).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Unduh cadangan' })).toBeInTheDocument();
  });
});
