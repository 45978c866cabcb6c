import { describe, expect, it } from 'vitest';
import {
  ACCOUNTS,
  DEFAULT_CHART,
  FUND_ACCOUNT,
  KIND_ACCOUNT,
  VIA_ACCOUNT,
  findDefaultAccount,
  normalBalanceSide,
} from '../../src/domain/chart.ts';

describe('default chart (CONTRACT §4)', () => {
  it('has the 29 accounts of the contract, unique codes, in code order', () => {
    expect(DEFAULT_CHART).toHaveLength(29);
    const codes = DEFAULT_CHART.map((a) => a.code);
    expect(new Set(codes).size).toBe(29);
    expect([...codes].sort()).toEqual(codes);
  });

  it('types follow the class digit', () => {
    const byClass = { '1': 'asset', '2': 'liability', '3': 'equity', '4': 'revenue', '5': 'expense' } as const;
    for (const a of DEFAULT_CHART) {
      expect(a.type).toBe(byClass[a.code[0] as keyof typeof byClass]);
    }
  });

  it('names are the Indonesian ones of the contract', () => {
    expect(findDefaultAccount('1-103')?.name).toBe('Kas QRIS / dompet digital');
    expect(findDefaultAccount('4-102')?.name).toBe('Pendapatan provisi dan administrasi');
    expect(findDefaultAccount('5-150')?.name).toBe('Beban operasional (ATK, listrik, transport)');
    expect(findDefaultAccount('9-999')).toBeUndefined();
  });

  it('every mapped code exists in the chart', () => {
    const mapped = [
      ...Object.values(ACCOUNTS),
      ...Object.values(VIA_ACCOUNT),
      ...Object.values(KIND_ACCOUNT),
      ...Object.values(FUND_ACCOUNT),
    ];
    for (const code of mapped) expect(findDefaultAccount(code), code).toBeDefined();
  });

  it('maps via, kind and funds as the contract says', () => {
    expect(VIA_ACCOUNT).toEqual({ cash: '1-101', bank: '1-102', qris: '1-103' });
    expect(KIND_ACCOUNT).toEqual({ pokok: '3-101', wajib: '3-102', sukarela: '2-101' });
    expect(FUND_ACCOUNT).toEqual({
      cadangan: '3-110',
      pengurus: '2-141',
      karyawan: '2-142',
      pendidikan: '2-143',
      sosial: '2-144',
      jasa_modal: '2-150',
      jasa_anggota: '2-150',
    });
  });

  it('normal balance side: assets and expenses debit, the rest credit', () => {
    expect(normalBalanceSide('asset')).toBe('debit');
    expect(normalBalanceSide('expense')).toBe('debit');
    expect(normalBalanceSide('liability')).toBe('credit');
    expect(normalBalanceSide('equity')).toBe('credit');
    expect(normalBalanceSide('revenue')).toBe('credit');
  });
});
