/*
 * What the type checker sees for @sd/contracts from the dashboard (tsconfig paths): the code lists,
 * and the two patterns libs/domain's codes.ts re-exports beside them. The dashboard imports only
 * libs/domain's productcategorie names, whose one import (the type Wet) leads here; the rest of
 * @sd/contracts (event schemas with decorators) is server code and stays out of this program.
 */
export * from '../../../libs/contracts/src/codes';
export declare const GEMEENTE: RegExp;
export declare const HUISHOUDEN_ID: RegExp;
