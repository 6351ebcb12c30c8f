export const INTAKE_CONFIG = Symbol('INTAKE_CONFIG');

export interface IntakeConfig {
  /** Key of the keyed BSN digests in the BSN index (PSEUDONIEM_SLEUTEL). */
  pseudoniemSleutel: string;
}

export function intakeConfigFromEnv(env: NodeJS.ProcessEnv = process.env): IntakeConfig {
  const sleutel = env.PSEUDONIEM_SLEUTEL ?? (env.AUTH_MODE === 'jwt' ? undefined : 'dev-pseudoniem-sleutel');
  if (!sleutel) throw new Error('PSEUDONIEM_SLEUTEL must be set outside dev mode');
  return { pseudoniemSleutel: sleutel };
}
