import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import LoansPage from '../../src/features/loans/index.tsx';
import { closeSession, openSignedInSession, type TestSession } from './session-fixture.ts';

let session: TestSession;
beforeEach(async () => {
  session = await openSignedInSession({ name: 'Bu Siti' });
});
afterEach(() => closeSession(session));

function open(path: string) {
  window.history.replaceState(null, '', path);
  return render(<LoansPage />);
}

const cell = (method: string, row: string) => screen.getByTestId(`sim-${method}-${row}`);

describe('Simulasi pinjaman', () => {
  it('compares flat, menurun and anuitas for Rp5.000.000 × 12 months × 1,5 % with the domain numbers', async () => {
    const user = userEvent.setup();
    open('/pinjaman/simulasi');
    const principal = await screen.findByLabelText('Pokok pinjaman');
    const months = screen.getByLabelText('Lama pinjaman (bulan)');
    const rate = screen.getByLabelText('Bunga per bulan (%)');
    await user.type(principal, '5.000.000');
    await user.clear(months);
    await user.type(months, '12');
    await user.clear(rate);
    await user.type(rate, '1,5');

    // Flat: floor(5 000 000 / 12) = 416 666 + 75 000 interest; the last takes the rest (416 674).
    expect(cell('flat', 'firstInstallment')).toHaveTextContent('Rp491.666');
    expect(cell('flat', 'lastInstallment')).toHaveTextContent('Rp491.674');
    expect(cell('flat', 'totalInterest')).toHaveTextContent('Rp900.000');
    expect(cell('flat', 'totalPaid')).toHaveTextContent('Rp5.900.000');
    expect(cell('flat', 'effective')).toHaveTextContent('36,76 %');
    // Menurun: interest on the balance, 75 000 down to 6 250.
    expect(cell('menurun', 'firstInstallment')).toHaveTextContent('Rp491.666');
    expect(cell('menurun', 'lastInstallment')).toHaveTextContent('Rp422.924');
    expect(cell('menurun', 'totalInterest')).toHaveTextContent('Rp487.500');
    expect(cell('menurun', 'totalPaid')).toHaveTextContent('Rp5.487.500');
    // Anuitas: A = 458 400, the last clears the balance with 458 399; 1,015^12 − 1 = 19,56 %.
    expect(cell('anuitas', 'firstInstallment')).toHaveTextContent('Rp458.400');
    expect(cell('anuitas', 'lastInstallment')).toHaveTextContent('Rp458.399');
    expect(cell('anuitas', 'effective')).toHaveTextContent('19,56 %');

    await user.click(screen.getByLabelText('Anuitas'));
    const schedule = screen.getByTestId('schedule');
    const rows = within(schedule).getAllByRole('row');
    expect(rows).toHaveLength(13);
    expect(rows[1]).toHaveTextContent(/Rp383\.400.*Rp75\.000.*Rp458\.400.*Rp4\.616\.600/);
    expect(rows[12]).toHaveTextContent(/Rp451\.625.*Rp6\.774.*Rp458\.399.*Rp0/);

    // An admin fee deducted at disbursement raises the effective rate of the flat loan.
    const fee = screen.getByLabelText('Biaya administrasi (dipotong saat pencairan)');
    await user.clear(fee);
    await user.type(fee, '50000');
    expect(Number(cell('flat', 'effective').textContent.replace(/[^\d]/g, ''))).toBeGreaterThan(3676);

    expect(screen.getByRole('link', { name: 'Cairkan dengan syarat ini' })).toHaveAttribute(
      'href',
      '/pinjaman/baru?pokok=5000000&bulan=12&bunga=150&biaya=50000&metode=anuitas',
    );
  }, 30_000);

  it('explains bad terms in Indonesian and shows no comparison until they are fixed', async () => {
    const user = userEvent.setup();
    open('/pinjaman/simulasi');
    const principal = await screen.findByLabelText('Pokok pinjaman');
    const months = screen.getByLabelText('Lama pinjaman (bulan)');
    const rate = screen.getByLabelText('Bunga per bulan (%)');
    await user.type(principal, '2jt');
    expect(screen.getByTestId('sim-flat-firstInstallment')).toBeInTheDocument();

    for (const [typed, message] of [
      ['0', 'Lama pinjaman paling sedikit 1 bulan.'],
      ['-3', 'Lama pinjaman harus angka bulan bulat, misalnya 12.'],
      ['6,5', 'Lama pinjaman harus angka bulan bulat, misalnya 12.'],
      ['240', 'Lama pinjaman paling lama 120 bulan.'],
    ] as const) {
      await user.clear(months);
      await user.type(months, typed);
      expect(months).toHaveAttribute('aria-invalid', 'true');
      expect(screen.getByRole('alert')).toHaveTextContent(message);
      expect(screen.queryByTestId('sim-compare')).not.toBeInTheDocument();
    }
    await user.clear(months);
    await user.type(months, '10');

    for (const [typed, message] of [
      ['15', 'Bunga terlalu tinggi: paling banyak 10 % per bulan. Periksa lagi angkanya.'],
      ['1,255', 'Bunga paling banyak dua angka di belakang koma, misalnya 1,25.'],
      ['-1', 'Bunga tidak boleh negatif.'],
      ['satu', 'Bunga harus angka, misalnya 1,5.'],
    ] as const) {
      await user.clear(rate);
      await user.type(rate, typed);
      expect(screen.getByRole('alert')).toHaveTextContent(message);
      expect(screen.queryByTestId('sim-compare')).not.toBeInTheDocument();
    }
    await user.clear(rate);
    await user.type(rate, '2');
    // 2 000 000 / 10 = 200 000 principal + 2 % of 2 000 000 = 40 000 interest.
    expect(cell('flat', 'firstInstallment')).toHaveTextContent('Rp240.000');
  }, 30_000);
});
