// Browsers, Office and Node all have TextDecoder/TextEncoder; jest's jsdom environment does not
// expose them. The add-in tests run the same core code the browser runs, so they get Node's.
import { TextDecoder as NodeTextDecoder, TextEncoder as NodeTextEncoder } from 'util';

const g = globalThis as unknown as Record<string, unknown>;
if (typeof g.TextDecoder === 'undefined') g.TextDecoder = NodeTextDecoder;
if (typeof g.TextEncoder === 'undefined') g.TextEncoder = NodeTextEncoder;
