/**
 * The key store's own schema beside the main one: `sleutelkluis`, or `<schema>_sleutelkluis` for a
 * test schema (unquoted). One place for the migrations, the key store and the tests.
 */
export const sleutelkluisSchema = (schema: string): string => (schema === 'public' ? 'sleutelkluis' : `${schema}_sleutelkluis`);
