/** The ledger fold and its projections: the one entry point other layers import. */
export { applyEntry, applyEntryUntracked, foldEntries, previewFlags, type ApplyContext, type ApplyResult } from './apply.ts';
export { FLAG_REASONS, type Flag, type FlagReason } from './flags.ts';
export type { FoldableEntry } from './inspect.ts';
export { decodeCursor, encodeCursor, GENESIS_MARK, nextChainMark, parseCursor, positionOnly, type PullCursor } from './cursor.ts';
export { recordServerSeq } from './server-order.ts';
export {
  emptyLedger,
  ledgerFromTables,
  ledgerTables,
  TABLE_NAMES,
  type LedgerRows,
  type LedgerState,
  type TableName,
  type Touched,
} from './state.ts';
export type * from './rows.ts';
export { ledgerAccountExists, ledgerFindEntry } from './lookups.ts';
