/**
 * The receipt as plain text, for WhatsApp or the share sheet: a member keeps it in the chat, which
 * many prefer to paper. The phone number for the wa.me link is normalised to 62… as the link needs.
 */
import { formatDateId } from '../../domain/dates.ts';
import { formatRupiah } from '../../domain/money-format.ts';
import { terbilang } from '../../domain/terbilang.ts';
import { normalisePhone } from '../members/phone.ts';
import type { ReceiptMessages } from './messages.ts';
import type { ReceiptContent, ReceiptTitle } from './receipt-content.ts';

export function receiptTitleText(title: ReceiptTitle, m: ReceiptMessages): string {
  switch (title.what) {
    case 'savings-deposit':
      return m.titles.savingsDeposit(title.kind);
    case 'savings-withdrawal':
      return m.titles.savingsWithdrawal(title.kind);
    case 'loan-disbursal':
      return m.titles.loanDisbursal;
    case 'loan-repayment':
      return m.titles.loanRepayment;
    case 'cash-in':
      return m.titles.cashIn(title.memo);
    case 'cash-out':
      return m.titles.cashOut(title.memo);
    case 'transfer':
      return m.titles.transfer(title.from, title.to);
  }
}

export type ReceiptFacts = {
  readonly receiptNo: string | undefined;
  readonly cooperativeName: string | null;
  readonly village: string | null;
  readonly date: string;
  readonly member: { readonly number: string; readonly name: string } | null;
  readonly actor: string;
  readonly pending: boolean;
  readonly reversed: boolean;
};

export function receiptText(content: ReceiptContent, facts: ReceiptFacts, m: ReceiptMessages): string {
  const place = [facts.cooperativeName, facts.village].filter((x): x is string => x !== null).join(', ');
  const lines = [
    `*${m.heading}${place === '' ? '' : ` ${place}`}*`,
    `${m.number}: ${facts.receiptNo ?? m.noNumber}`,
    `${m.date}: ${formatDateId(facts.date)}`,
  ];
  if (facts.member !== null) lines.push(`${m.member}: ${facts.member.number} ${facts.member.name}`);
  lines.push(`${m.what}: ${receiptTitleText(content.title, m)}`);
  for (const part of content.parts) lines.push(`  ${m.parts[part.name]}: ${formatRupiah(part.amount)}`);
  lines.push(`${m.amount}: ${formatRupiah(content.amount)}`);
  lines.push(`${m.terbilang}: ${terbilang(content.amount)}`);
  if (content.via !== null) lines.push(`${m.viaLabel}: ${m.vias[content.via]}`);
  lines.push(`${m.treasurer}: ${facts.actor}`);
  if (facts.reversed) lines.push(m.reversed);
  return lines.join('\n');
}

/**
 * `https://wa.me/62…?text=…` for the member's phone (08xx → 628xx, +62 → 62), or the number-less
 * link that lets the treasurer pick the chat when the member has no usable number.
 */
export function whatsAppReceiptLink(phone: string | null, text: string): string {
  const normalised = phone === null ? null : normalisePhone(phone);
  const number = normalised?.ok === true ? normalised.value : '';
  return `https://wa.me/${number}?text=${encodeURIComponent(text)}`;
}
