import type { MembersBody } from './report-schemas.ts';

export type MemberLabel = { readonly number: string; readonly name: string };
export type MemberNames = ReadonlyMap<string, MemberLabel>;

/** memberId → number and name, from the members report, for reports that only carry ids; labelled as the phone labels them ("001 Siti Aminah"). */
export function memberNames(body: MembersBody | null): MemberNames {
  return new Map((body?.members ?? []).map((member) => [member.memberId, { number: member.number, name: member.name }]));
}

export function memberLabel(names: MemberNames, memberId: string | null, unknown: string): string {
  if (memberId === null) return unknown;
  const label = names.get(memberId);
  return label === undefined ? unknown : `${label.number} ${label.name}`;
}
