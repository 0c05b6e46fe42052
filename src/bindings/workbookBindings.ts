import { findCustomXmlPart, withCustomXmlPart } from '../xlsx/patch/customXmlPart';
import { XlsxPackage } from '../xlsx/package';
import { Binding } from './binding';
import { BINDINGS_NAMESPACE, bindingsFromXml, bindingsToXml } from './bindingsXml';

/** The bindings stored in an .xlsx package (none when it has no bindings part). Throws BindingsFormatError for a damaged part. */
export function readPackageBindings(pkg: XlsxPackage): Binding[] {
  const found = findCustomXmlPart(pkg, BINDINGS_NAMESPACE);
  return found ? bindingsFromXml(found.xml) : [];
}

/** A copy of the .xlsx package with its bindings part set to `list`; nothing else changes. */
export function writePackageBindings(bytes: Uint8Array, list: ReadonlyArray<Binding>): Uint8Array {
  return withCustomXmlPart(bytes, BINDINGS_NAMESPACE, bindingsToXml(list));
}
