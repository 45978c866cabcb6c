import { formatRupiah } from '../../../i18n/format.ts';
import { formatBp } from '../cooperative-sort.ts';
import { useLanguageStore } from '../../../i18n/language-store.ts';
import { districtMessages } from '../messages.ts';
import type { ShuBody } from '../report-schemas.ts';
import { memberLabel, type MemberNames } from './member-names.ts';
import { lookup } from './lookup.ts';
import { usePaged } from './use-paged.tsx';

/** Pembagian SHU (CONTRACT §6): the funds by allocation, and each member's capital and patronage share. */
export function ShuView({ body, names }: { readonly body: ShuBody; readonly names: MemberNames }) {
  const v = districtMessages.useMessages().views;
  const language = useLanguageStore((state) => state.language);
  const { rows, pager } = usePaged(body.members);
  const fundName = (fund: string): string => lookup(v.funds, fund) ?? fund;
  return (
    <>
      <p>
        {v.shu}: <strong data-testid="report-shu">{formatRupiah(body.shu)}</strong>
      </p>
      {body.funds.length === 0 ? (
        <p className="hint">{v.noShu}</p>
      ) : (
        <table className="data-table district-table">
          <thead>
            <tr>
              <th scope="col">{v.fund}</th>
              <th scope="col">{v.share}</th>
              <th scope="col">{v.amount}</th>
            </tr>
          </thead>
          <tbody>
            {body.funds.map((fund) => (
              <tr key={fund.fund}>
                <th scope="row">{fundName(fund.fund)}</th>
                <td className="amount">{formatBp(fund.bp, language)}</td>
                <td className="amount">{formatRupiah(fund.amount)}</td>
              </tr>
            ))}
            <tr>
              <th scope="row">{v.remainder}</th>
              <td />
              <td className="amount">{formatRupiah(body.remainder)}</td>
            </tr>
          </tbody>
        </table>
      )}
      {body.members.length === 0 ? null : (
        <>
          <table className="data-table district-table">
            <thead>
              <tr>
                <th scope="col">{v.member}</th>
                <th scope="col">{v.capitalBasis}</th>
                <th scope="col">{v.patronageBasis}</th>
                <th scope="col">{v.capital}</th>
                <th scope="col">{v.patronage}</th>
                <th scope="col">{v.total}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((share) => (
                <tr key={share.memberId}>
                  <th scope="row" className="district-text">{memberLabel(names, share.memberId, v.unknownMember)}</th>
                  <td className="amount">{formatRupiah(share.capitalBasis)}</td>
                  <td className="amount">{formatRupiah(share.patronageBasis)}</td>
                  <td className="amount">{formatRupiah(share.capital)}</td>
                  <td className="amount">{formatRupiah(share.patronage)}</td>
                  <td className="amount">{formatRupiah(share.total)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {pager}
        </>
      )}
    </>
  );
}
