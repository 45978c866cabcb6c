/** A Chrome trace (CDP Tracing) as the trace benches read it: bench/search-trace.ts, bench/save-trace.ts. */
import { readFileSync } from 'node:fs';

/** The fields of a trace event these benches look at. */
export type TraceEvent = {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  tdur?: number;
  pid: number;
  tid: number;
  args?: { name?: string; data?: { type?: string } };
};

/** A trace file written by `browser.startTracing`: the events, whether saved as an object or a bare array. */
export function readTrace(file: string): TraceEvent[] {
  const trace = JSON.parse(readFileSync(file, 'utf8')) as { traceEvents: TraceEvent[] } | TraceEvent[];
  return Array.isArray(trace) ? trace : trace.traceEvents;
}
