/** `npm run migrate`: applies pending migrations to DATABASE_URL / DATABASE_SCHEMA. */
import { databaseConfigFromEnv, runMigrations } from './database.config.js';

const applied = await runMigrations(databaseConfigFromEnv());
console.log(applied.length ? `migrations applied: ${applied.join(', ')}` : 'database schema is up to date');
