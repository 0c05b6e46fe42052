/** Types for officeJs.js (plain CommonJS so webpack.config.js can load it as is). */
export type OfficeJsMode = 'cdn' | 'self';
export const CDN_OFFICE_JS: string;
export const OFFICE_JS_ORIGIN: string;
export const SELF_DIR: string;
export function officeJsMode(env?: Record<string, string | undefined>): OfficeJsMode;
export function officeJsSrc(mode: OfficeJsMode): string;
export function officeJsCopyPatterns(mode: OfficeJsMode, root?: string): unknown[];
