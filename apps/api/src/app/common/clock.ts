/** Today's business date (UTC), as the ISO `YYYY-MM-DD` the domain libraries take as an argument. */
export function todayIso(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}
