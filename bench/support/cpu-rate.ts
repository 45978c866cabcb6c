/**
 * The CDP CPU throttling rate of the browser benchmarks (load, data, search): ×4 by default, the
 * rate the issue's goals are set at; `CPU=6` for the slower end of the treasurers' phones (the
 * issue asks for both). Figures at another rate are reported beside the ×4 ones, never in their
 * place: their results file is `<bench>-cpu<rate>.json`, and their rows carry the ×4 goal only as
 * a note (a goal set at ×4 is neither met nor missed at ×6).
 */

/** The default rate: the one every goal of issue 7 is stated at. */
export const GOAL_CPU_RATE = 4;

function rateFromEnv(text: string | undefined): number {
  if (text === undefined || text === '') return GOAL_CPU_RATE;
  const rate = Number(text);
  // CDP takes any rate ≥ 1 (1 = no throttling); a typo must not silently measure at ×4.
  if (!Number.isFinite(rate) || rate < 1) throw new Error(`CPU=${text}: expected a throttling rate ≥ 1, e.g. CPU=6`);
  return rate;
}

export const CPU_RATE = rateFromEnv(process.env.CPU);
