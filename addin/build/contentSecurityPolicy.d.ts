/** Types for contentSecurityPolicy.js (plain CommonJS so webpack.config.js can load it as is). */
export const OFFICE_JS_ORIGIN: string;
export function contentSecurityPolicy(mode?: 'cdn' | 'self', options?: { devServerPort?: number }): string;
