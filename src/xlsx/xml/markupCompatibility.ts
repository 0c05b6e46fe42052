import { XmlHandlers } from './xmlEvents';

/**
 * Reading a SpreadsheetML part the way Excel does (ECMA-376 Part 3, Markup Compatibility): only
 * elements of the SpreadsheetML namespace count, elements of a namespace listed in `mc:Ignorable`
 * are skipped with all they hold, and of an `mc:AlternateContent` only the first `mc:Choice` whose
 * `Requires` names namespaces we understand is read, else its `mc:Fallback`. Without this a file
 * could hide a second cell (`<ign:c r="D29">`) that no spreadsheet shows but the check would read.
 */
export const SPREADSHEETML = new Set([
  'http://schemas.openxmlformats.org/spreadsheetml/2006/main', // transitional
  'http://purl.oclc.org/ooxml/spreadsheetml/main', // strict
]);

export const MARKUP_COMPATIBILITY = 'http://schemas.openxmlformats.org/markup-compatibility/2006';

/**
 * Namespaces a Choice may require and still be taken: ours, and the SpreadsheetML extensions Excel
 * itself understands (2010–2016), so that of an AlternateContent we take the branch Excel shows.
 * Their elements are still skipped (only SpreadsheetML cells are read); a Choice requiring
 * anything else (a made-up namespace) is passed over for the next one or the Fallback.
 */
const UNDERSTOOD = new Set([
  ...SPREADSHEETML,
  MARKUP_COMPATIBILITY,
  'http://schemas.openxmlformats.org/officeDocument/2006/relationships',
  'http://purl.oclc.org/ooxml/officeDocument/relationships',
  'http://schemas.microsoft.com/office/spreadsheetml/2009/9/main', // x14
  'http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac', // x14ac
  'http://schemas.microsoft.com/office/spreadsheetml/2010/11/main', // x15
  'http://schemas.microsoft.com/office/spreadsheetml/2010/11/ac', // x15ac
  'http://schemas.microsoft.com/office/spreadsheetml/2011/1/ac', // x12ac
  'http://schemas.microsoft.com/office/spreadsheetml/2015/02/main', // x16r2
  'http://schemas.microsoft.com/office/spreadsheetml/2014/revision', // xr
  'http://schemas.microsoft.com/office/spreadsheetml/2015/revision2', // xr2
  'http://schemas.microsoft.com/office/spreadsheetml/2016/revision3', // xr3
]);

const XML_NS = 'http://www.w3.org/XML/1998/namespace';

interface Scope {
  /** Prefix bindings declared on this element ('' is the default namespace), or undefined. */
  readonly ns?: Map<string, string>;
  /** Namespace URIs declared ignorable from this element down, or undefined to inherit. */
  readonly ignorable?: Set<string>;
  /** For an mc:AlternateContent: whether a branch was already taken. */
  alternate?: { taken: boolean };
}

/**
 * Handlers that receive only the SpreadsheetML elements of a part, with MC rules applied, from a
 * parser that gives qualified names (`open(local, attrs, qname)`). Elements of other namespaces
 * (extensions, drawings inside extLst) are skipped with their content: the check reads nothing there.
 */
export function spreadsheetMlOnly(inner: XmlHandlers): XmlHandlers {
  const scopes: Scope[] = [];
  // Lookups walk the scopes from the innermost; most parts declare everything on the root.
  const resolvePrefix = (prefix: string): string | undefined => {
    if (prefix === 'xml') return XML_NS;
    for (let i = scopes.length - 1; i >= 0; i--) {
      const uri = scopes[i].ns?.get(prefix);
      if (uri !== undefined) return uri;
    }
    return undefined;
  };
  const ignorable = (): Set<string> | undefined => {
    for (let i = scopes.length - 1; i >= 0; i--) if (scopes[i].ignorable) return scopes[i].ignorable;
    return undefined;
  };
  // Element prefix -> namespace, valid until an element declares or undeclares a namespace.
  const uriOfPrefix = new Map<string, string>();
  let skipDepth = 0; // > 0 while inside an element skipped with its content
  // Whether each open element was passed on (so its end tag is too).
  const passed: boolean[] = [];

  return {
    open(local, attrs, qname = local) {
      if (skipDepth > 0) {
        skipDepth++;
        return;
      }
      let ns: Map<string, string> | undefined;
      let mcPrefixes: string | undefined;
      for (const key in attrs) {
        if (key === 'xmlns') (ns ??= new Map()).set('', attrs[key]);
        else if (key.startsWith('xmlns:')) (ns ??= new Map()).set(key.slice(6), attrs[key]);
      }
      const scope: Scope = { ns };
      scopes.push(scope);
      if (ns) uriOfPrefix.clear();
      for (const key in attrs) {
        const colon = key.indexOf(':');
        if (colon > 0 && key.slice(colon + 1) === 'Ignorable' && resolvePrefix(key.slice(0, colon)) === MARKUP_COMPATIBILITY) mcPrefixes = attrs[key];
      }
      if (mcPrefixes !== undefined) {
        const set = new Set(ignorable() ?? []);
        for (const p of mcPrefixes.split(/\s+/)) {
          const uri = p ? resolvePrefix(p) : undefined;
          if (uri !== undefined && !UNDERSTOOD.has(uri)) set.add(uri);
        }
        (scope as { ignorable?: Set<string> }).ignorable = set;
      }
      const colon = qname.indexOf(':');
      const prefix = colon < 0 ? '' : qname.slice(0, colon);
      let uri = uriOfPrefix.get(prefix);
      if (uri === undefined) uriOfPrefix.set(prefix, (uri = resolvePrefix(prefix) ?? ''));
      const parent = scopes[scopes.length - 2];
      if (uri === MARKUP_COMPATIBILITY) {
        let read = false;
        if (local === 'AlternateContent') {
          scope.alternate = { taken: false };
          read = true;
        } else if (parent?.alternate && !parent.alternate.taken) {
          if (local === 'Choice') {
            const requires = (attrByLocal(attrs, 'Requires') ?? '').split(/\s+/).filter(Boolean);
            read = requires.length > 0 && requires.every((p) => UNDERSTOOD.has(resolvePrefix(p) ?? ''));
          } else if (local === 'Fallback') read = true;
          if (read) parent.alternate.taken = true;
        }
        if (!read) return skip();
        passed.push(false); // the wrapper itself is not an element of the sheet
        return;
      }
      if (!SPREADSHEETML.has(uri)) return skip();
      passed.push(true);
      inner.open(local, attrs, qname);
    },
    text(t) {
      if (skipDepth === 0 && inner.text) inner.text(t);
    },
    close(local, qname) {
      if (skipDepth > 0) {
        if (--skipDepth === 0 && scopes.pop()?.ns) uriOfPrefix.clear();
        return;
      }
      if (scopes.pop()?.ns) uriOfPrefix.clear();
      if (passed.pop() && inner.close) inner.close(local, qname);
    },
  };

  function skip(): void {
    skipDepth = 1; // the scope just pushed is popped when this element ends
  }
}

function attrByLocal(attrs: Record<string, string>, local: string): string | undefined {
  for (const key in attrs) if (key === local || key.endsWith(`:${local}`)) return attrs[key];
  return undefined;
}
