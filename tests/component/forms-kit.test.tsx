import { cleanup, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Via } from '../../src/domain/entry/schema.ts';
import type { MemberRow } from '../../src/domain/ledger/index.ts';
import { newMemberId } from '../../src/domain/ids.ts';
import {
  AmountField,
  ConfirmDialog,
  MemberPicker,
  SaveFeedback,
  useAmountInput,
  useSaveEntry,
  ViaPicker,
} from '../../src/features/forms/index.ts';
import { closeSession, openSignedInSession, type TestSession } from './session-fixture.ts';

function AmountHarness({ max }: { readonly max?: number }) {
  const input = useAmountInput(max === undefined ? {} : { max });
  return (
    <>
      <AmountField label="Jumlah" input={input} />
      <output data-testid="value">{input.value === undefined ? 'none' : String(input.value)}</output>
    </>
  );
}

describe('AmountField', () => {
  it('reads what a treasurer types, shows Rupiah and terbilang', async () => {
    const user = userEvent.setup();
    render(<AmountHarness />);
    const field = screen.getByLabelText('Jumlah');
    expect(field).toHaveAttribute('inputmode', 'numeric');
    await user.type(field, '1,5jt');
    expect(screen.getByText('Rp1.500.000')).toBeInTheDocument();
    expect(screen.getByText(/satu juta lima ratus ribu rupiah/)).toBeInTheDocument();
    expect(screen.getByTestId('value')).toHaveTextContent('1500000');
    expect(field).toHaveAttribute('aria-invalid', 'false');
  });

  it.each([
    ['0', 'Jumlah harus lebih dari nol.'],
    ['-5000', 'Jumlah tidak boleh negatif.'],
    ['abc', 'Jumlah harus angka, misalnya 150000, 150.000 atau 1,5jt.'],
    ['1.5jt', 'Pakai koma untuk desimal: 1,5jt (bukan 1.5jt).'],
    ['20000000000', 'Jumlah terlalu besar: paling banyak Rp10.000.000.000. Periksa lagi angkanya.'],
  ])('refuses %s in Indonesian, tied to the field', async (typed, message) => {
    const user = userEvent.setup();
    render(<AmountHarness />);
    const field = screen.getByLabelText('Jumlah');
    await user.type(field, typed);
    const error = screen.getByRole('alert');
    expect(error).toHaveTextContent(message);
    expect(field).toHaveAttribute('aria-invalid', 'true');
    expect(field.getAttribute('aria-describedby')).toContain(error.id);
    expect(screen.getByTestId('value')).toHaveTextContent('none');
  });

  it('asks for an amount once the empty field is left', async () => {
    const user = userEvent.setup();
    render(<AmountHarness />);
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    await user.click(screen.getByLabelText('Jumlah'));
    await user.tab();
    expect(screen.getByRole('alert')).toHaveTextContent('Isi jumlahnya.');
  });
});

describe('ViaPicker and ConfirmDialog', () => {
  function Harness() {
    const [via, setVia] = useState<Via>('cash');
    const [open, setOpen] = useState(false);
    const [answer, setAnswer] = useState('none');
    return (
      <>
        <ViaPicker value={via} onChange={setVia} />
        <output data-testid="via">{via}</output>
        <button type="button" onClick={() => setOpen(true)}>
          Tarik
        </button>
        <ConfirmDialog
          open={open}
          title="Melebihi saldo"
          onCancel={() => {
            setOpen(false);
            setAnswer('no');
          }}
          onConfirm={() => {
            setOpen(false);
            setAnswer('yes');
          }}
        >
          <p>Saldo Rp50.000</p>
        </ConfirmDialog>
        <output data-testid="answer">{answer}</output>
      </>
    );
  }

  it('picks a via with one tap; the dialog starts on Batal, Escape cancels, focus returns', async () => {
    const user = userEvent.setup();
    render(<Harness />);
    await user.click(screen.getByLabelText('QRIS'));
    expect(screen.getByTestId('via')).toHaveTextContent('qris');

    const opener = screen.getByRole('button', { name: 'Tarik' });
    await user.click(opener);
    const dialog = screen.getByRole('alertdialog', { name: 'Melebihi saldo' });
    expect(dialog).toHaveAttribute('aria-modal', 'true');
    expect(screen.getByRole('button', { name: 'Batal' })).toHaveFocus();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument();
    expect(screen.getByTestId('answer')).toHaveTextContent('no');
    expect(opener).toHaveFocus();

    await user.click(opener);
    await user.click(screen.getByRole('button', { name: 'Ya, lanjutkan' }));
    expect(screen.getByTestId('answer')).toHaveTextContent('yes');
  });
});

describe('useSaveEntry and MemberPicker against a real local store', () => {
  let session: TestSession;
  beforeEach(async () => {
    session = await openSignedInSession({ name: 'Bu Siti' });
  });
  afterEach(() => {
    cleanup();
    closeSession(session);
  });

  const memberId = newMemberId();

  function SaveHarness() {
    const { state, save } = useSaveEntry();
    const [picked, setPicked] = useState<MemberRow | undefined>(undefined);
    return (
      <>
        <MemberPicker value={picked} onChange={setPicked} />
        <button
          type="button"
          onClick={() => {
            void save({ type: 'member.joined', date: '2026-11-02', data: { memberId, number: 'A-007', name: 'Siti Aminah', joinedOn: '2026-11-02' } });
          }}
        >
          Simpan
        </button>
        <SaveFeedback state={state} />
      </>
    );
  }

  it('says Tersimpan only after the commit, and a double tap records one entry', async () => {
    const user = userEvent.setup();
    render(<SaveHarness />);
    const button = screen.getByRole('button', { name: 'Simpan' });
    await user.dblClick(button);
    await user.click(button);
    expect(await screen.findByText('Tersimpan')).toBeInTheDocument();
    await waitFor(async () => expect(await session.db.entries.count()).toBe(1));
    const stored = await session.db.entries.toArray();
    expect(stored[0]?.entry.actor).toBe('Bu Siti');
    expect(stored[0]?.entry.type).toBe('member.joined');

    await user.type(screen.getByLabelText('Cari anggota (nama atau nomor)'), 'amin');
    await user.click(await screen.findByRole('button', { name: /A-007\s*Siti Aminah/ }));
    expect(screen.getByText('Anggota terpilih')).toBeInTheDocument();
    expect(screen.getByText(/Siti Aminah/)).toBeInTheDocument();
  });
});
