/* The five reports' SQL, a file each; one module to import them from (the controller, the benchmark). */
export { bezwaren } from './bezwaren.query.js';
export { instroomUitstroom } from './instroom-uitstroom.query.js';
export type { Selectie, Snapshot } from './sql.js';
export { stand } from './stand.query.js';
export { stapeling } from './stapeling.query.js';
export { wachtlijst } from './wachtlijst.query.js';
