/*
 * The time buckets of the report indexes (migration PeriodeIndexen), as SQL expressions that the
 * migration and the report queries share: a query can use an expression index only when it says the
 * expression the index was built on, to the letter.
 *
 * A report asks for the versions whose valid interval reaches its peildatum or period. A b-tree on
 * (gemeente, start) reads every version that began before the date, the whole history. Keyed on
 * (gemeente, bucket of the end, start) instead, the condition `bucket of the end >= bucket of the date
 * AND start <= date` touches per bucket only the versions that can be running, and PostgreSQL 18 skips
 * from bucket to bucket (skip scan): the rows read are those running on the date plus those that ended
 * in its bucket, whatever the length of the history.
 */

/** Days per bucket: short enough to read few ended rows, long enough to keep the skip scan's jumps few. */
export const VAK_DAGEN = 64;

/** The bucket of a date expression. Integer division is monotone, which is all the index needs. */
export const vak = (datum: string): string => `((${datum} - DATE '2000-01-01') / ${VAK_DAGEN})`;

/** The bucket of an end date that may be open (NULL: running, in the last bucket). */
export const eindVak = (kolom: string): string => vak(`coalesce(${kolom}, DATE '9999-12-31')`);

/** The bucket of a transaction-time instant (known_to), by its UTC calendar day. */
export const kennisVak = (instant: string): string => vak(`(${instant} AT TIME ZONE 'UTC')::date`);
