import { SaxesParser, SaxesTagNS } from 'saxes';
import { encodeXmlAttribute } from '../xml/encodeXml';
import { Binding } from './binding';
import { errorKind } from '../words/localizedError';

/**
 * Bindings as stored in a workbook: a custom XML part like the reviews part, its version in the
 * namespace. The CLI and the browser preview read it from the package; the add-in writes it with
 * Office.js `customXmlParts` and finds it with `getByNamespace`.
 *
 *   <bindings xmlns="urn:pledge-check:bindings:v1">
 *     <binding sheet="Biểu 01" label="Số vụ PPHS (vụ)" indicator="criminal-cases" cell="B12"/>
 *     <binding sheet="Biểu 01" label="TH 11T/2025" period="current" cell="E5"/>
 *   </bindings>
 */
export const BINDINGS_NAMESPACE = 'urn:pledge-check:bindings:v1';

/** The part could not be read as bindings: one sentence in each language. */
export const BindingsFormatError = errorKind('bindings-part', 'BindingsFormatError');
export type BindingsFormatError = InstanceType<typeof BindingsFormatError>;

export function bindingsToXml(list: ReadonlyArray<Binding>): string {
  const out = [`<bindings xmlns="${BINDINGS_NAMESPACE}">`];
  for (const b of list) {
    const what = b.kind === 'indicator' ? attr('indicator', b.indicator) : attr('period', b.period);
    out.push(`  <binding${attr('sheet', b.sheet)}${attr('label', b.label)}${what}${b.cell ? attr('cell', b.cell) : ''}/>`);
  }
  out.push('</bindings>');
  return out.join('\n');
}

function attr(name: string, value: string): string {
  return ` ${name}="${encodeXmlAttribute(value)}"`;
}

/** Reads what bindingsToXml wrote; an entry missing what it needs is skipped, never guessed. */
export function bindingsFromXml(xml: string): Binding[] {
  const parser = new SaxesParser({ xmlns: true, position: false });
  const out: Binding[] = [];
  let depth = 0;
  let rootSeen = false;
  parser.on('opentag', (tag: SaxesTagNS) => {
    depth++;
    const ours = tag.uri === BINDINGS_NAMESPACE;
    if (!rootSeen) {
      rootSeen = true;
      if (!ours || tag.local !== 'bindings') {
        throw new BindingsFormatError(
          `phần chỉ ô số liệu không thuộc không gian tên ${BINDINGS_NAMESPACE}`,
          `the bindings part is not in the namespace ${BINDINGS_NAMESPACE}`,
        );
      }
      return;
    }
    if (depth !== 2 || !ours || tag.local !== 'binding') return;
    const a: Record<string, string> = {};
    for (const at of Object.values(tag.attributes)) if (at.prefix === '' && at.local !== 'xmlns') a[at.local] = at.value;
    const b = bindingFromFields(a);
    if (b) out.push(b);
  });
  parser.on('closetag', () => {
    depth--;
  });
  try {
    parser.write(xml.replace(/^\uFEFF/, '')).close();
  } catch (e) {
    if (e instanceof BindingsFormatError) throw e;
    const first = (e as Error).message.split('\n')[0];
    throw new BindingsFormatError(`phần chỉ ô số liệu không phải XML hợp lệ (${first})`, `the bindings part is not well-formed XML (${first})`);
  }
  if (!rootSeen) throw new BindingsFormatError('phần chỉ ô số liệu trống', 'the bindings part is empty');
  return out;
}

/** A binding from plain fields (XML attributes, a bindings file's JSON), or undefined when incomplete. */
export function bindingFromFields(a: Readonly<Record<string, unknown>>): Binding | undefined {
  const str = (k: string) => (typeof a[k] === 'string' ? (a[k] as string) : undefined);
  const sheet = str('sheet');
  const label = str('label');
  if (!sheet || !label) return undefined;
  const cell = str('cell');
  const extra = cell ? { cell } : {};
  const indicator = str('indicator');
  if (indicator && /^[a-z0-9][a-z0-9-]{0,79}$/.test(indicator)) return { kind: 'indicator', sheet, label, indicator, ...extra };
  const period = str('period');
  if (period === 'current' || period === 'baseline') return { kind: 'period', sheet, label, period, ...extra };
  return undefined;
}
