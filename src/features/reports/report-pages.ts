/** The report screens under /laporan/<slug>, in the order the list shows them. */
export const REPORT_SLUGS = ['neraca', 'laba-rugi', 'buku-kas', 'anggota', 'pinjaman', 'jadwal-angsuran', 'shu', 'catatan'] as const;

export type ReportSlug = (typeof REPORT_SLUGS)[number];

export function isReportSlug(text: string): text is ReportSlug {
  return (REPORT_SLUGS as readonly string[]).includes(text);
}
