/**
 * Which gemeenten a worker applies: the gemeenten (sorted) dealt round-robin over the workers
 * alive (their slots, sorted). Pure, so every worker computes the same division.
 */
export function mijnGemeenten(gemeenten: string[], levendeSlots: number[], mijnSlot: number): string[] {
  const slots = [...new Set(levendeSlots)].sort((a, b) => a - b);
  const rang = slots.indexOf(mijnSlot);
  if (rang < 0) return [];
  return [...gemeenten].sort().filter((_, i) => i % slots.length === rang);
}
