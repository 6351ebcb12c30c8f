export const ROLLEN = ['consulent', 'rapportage', 'auditor', 'beheer', 'privacy'] as const;
export type Rol = (typeof ROLLEN)[number];

/** Who is calling, from a verified token. */
export interface Principal {
  /** The user's id (JWT `sub`); stored on every event as the actor. */
  sub: string;
  rol: Rol;
  /** CBS codes of the gemeenten this user may act for or see. */
  gemeenten: string[];
}
