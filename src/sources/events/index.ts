/** The provocation-side event sources. */
export { parseNagix, NAGIX_DIR, NAGIX_FILES } from './nagix/index.js';
export { parseCns, CNS_FILE, CNS_SHEET } from './cns/index.js';
export { parseCsis, CSIS_FILE } from './csis/index.js';
export { parseUnsc, UNSC_FILE } from './unsc/index.js';
export * from './types.js';
