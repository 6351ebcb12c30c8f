export default async function globalTeardown(): Promise<void> {
  await (globalThis as { __sdStopPostgres?: () => Promise<void> }).__sdStopPostgres?.();
}
