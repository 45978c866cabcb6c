/**
 * The member's book as a short plain-text message for WhatsApp: what a member asks the treasurer
 * most ("berapa simpanan saya?"), readable on any phone without an attachment.
 */
import { formatDateId } from '../../domain/dates.ts';
import type { MemberRow } from '../../domain/ledger/index.ts';
import type { LoanPosition } from '../../domain/reports/loan-position.ts';
import { formatRupiah } from '../../domain/money-format.ts';
import { rupiah } from '../../domain/money.ts';

export type BookTextInput = {
  readonly cooperativeName: string | null;
  readonly member: MemberRow;
  readonly loans: readonly LoanPosition[];
  readonly asOf: string;
};

export function memberBookText({ cooperativeName, member, loans, asOf }: BookTextInput): string {
  const { pokok, wajib, sukarela } = member.savings;
  const lines = [
    `*Buku Anggota${cooperativeName === null ? '' : ` ${cooperativeName}`}*`,
    `${member.profile?.name ?? '—'} (No. ${member.profile?.number ?? '—'})`,
    `Per ${formatDateId(asOf)}`,
    '',
    `Simpanan pokok: ${formatRupiah(pokok)}`,
    `Simpanan wajib: ${formatRupiah(wajib)}`,
    `Simpanan sukarela: ${formatRupiah(sukarela)}`,
    `Total simpanan: ${formatRupiah(rupiah(pokok + wajib + sukarela))}`,
  ];
  const open = loans.filter((loan) => loan.outstanding > 0);
  if (open.length > 0) {
    lines.push('');
    for (const loan of open) {
      const due = loan.nextDue === null ? '' : `, jatuh tempo berikut ${formatDateId(loan.nextDue)}`;
      lines.push(`Pinjaman ${formatRupiah(loan.principal)}: sisa ${formatRupiah(loan.outstanding)}${due}`);
    }
  }
  return lines.join('\n');
}

/** `https://wa.me/<62…>?text=…`, or the number-less form that lets the user pick a chat. */
export function whatsAppLink(phone: string | null, text: string): string {
  const base = phone === null ? 'https://wa.me/' : `https://wa.me/${phone}`;
  return `${base}?text=${encodeURIComponent(text)}`;
}
