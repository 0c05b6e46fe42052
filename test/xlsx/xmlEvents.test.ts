/**
 * The fast reader gives exactly saxes's events for plain XML, and gives up (so saxes reads the
 * part and words its errors) on everything else.
 */
import { strFromU8 } from 'fflate';
import * as fs from 'fs';
import * as path from 'path';
import { WorkbookFormatError } from '../../src/xlsx/package';
import { fastParse, NOT_PLAIN, parseXml, saxesParse, XmlHandlers } from '../../src/xlsx/xml/xmlEvents';
import { SAMPLES } from '../helpers/paths';
import { FIXTURES, unzip } from './xlsxTestKit';

type Event = [string, string, string?];

function recorder(): { handlers: XmlHandlers; events: Event[] } {
  const events: Event[] = [];
  const handlers: XmlHandlers = {
    open: (name, attrs) => events.push(['open', name, JSON.stringify(Object.entries(attrs))]),
    // saxes may report one run of text in pieces; compare runs.
    text: (t) => {
      const last = events[events.length - 1];
      if (last && last[0] === 'text') last[1] += t;
      else events.push(['text', t]);
    },
    close: (name) => events.push(['close', name]),
  };
  return { handlers, events };
}

function fast(xml: string): Event[] {
  const r = recorder();
  fastParse(xml, r.handlers);
  return r.events;
}

function slow(xml: string): Event[] {
  const r = recorder();
  saxesParse(xml, 'test.xml', r.handlers);
  return r.events;
}

function partsOf(dir: string): Array<[string, string]> {
  if (!fs.existsSync(dir)) return [];
  const out: Array<[string, string]> = [];
  for (const f of fs.readdirSync(dir).filter((x) => x.endsWith('.xlsx'))) {
    for (const [name, data] of unzip(fs.readFileSync(path.join(dir, f)))) {
      if (/\.(xml|rels|vml)$/.test(name)) out.push([`${f}:${name}`, strFromU8(data).replace(/^\uFEFF/, '')]);
    }
  }
  return out;
}

describe('the fast reader gives saxes’s events', () => {
  const parts = [...partsOf(SAMPLES), ...partsOf(FIXTURES)];

  it('on every part of the sample and fixture workbooks (or gives up where saxes is needed)', () => {
    expect(parts.length).toBeGreaterThan(20);
    let plain = 0;
    for (const [name, xml] of parts) {
      let events: Event[];
      try {
        events = fast(xml);
      } catch (e) {
        if (e !== NOT_PLAIN) throw e;
        continue;
      }
      plain++;
      expect({ name, events }).toEqual({ name, events: slow(xml) });
    }
    expect(plain).toBeGreaterThan(parts.length / 2);
  });

  it.each([
    ['entities and character references', '<a x="&lt;&amp;&gt;&quot;&apos;&#233;&#x1F600;">1 &lt; 2 &amp;&amp; &#x41;&#66;</a>'],
    ['line ends and tabs in text and attributes', '<a x="1\r\n2\t3\n4\r5" y="&#10;&#9;">a\r\nb\rc\nd</a>'],
    ['single-quoted attributes holding > and "', `<a x='a > "b"' y = "c">t</a>`],
    ['prefixed names', '<x:worksheet xmlns:x="urn:x"><x:sheetData><x:row r="1"><x:c r="A1" t="s"><x:v>0</x:v></x:c></x:row></x:sheetData></x:worksheet>'],
    ['a self-closing root', '<?xml version="1.0" encoding="UTF-8"?>\n<root a="1"/>\n'],
    ['whitespace inside end tags and around the root', '\n<a><b>t</b ></a  >\n\n'],
    [
      'inline strings with runs and phonetic text',
      '<c t="inlineStr"><is><r><t xml:space="preserve"> Hà </t></r><rPh><t>ハ</t></rPh><r><t>Nội</t></r></is></c>',
    ],
    ['astral characters', '<a t="😀">😀 𝄞</a>'],
    ['empty text runs and empty elements', '<a><b></b><c/><d> </d></a>'],
  ])('%s', (_name, xml) => {
    expect(fast(xml)).toEqual(slow(xml));
  });
});

describe('the fast reader gives up, and saxes decides', () => {
  it.each([
    ['a comment', '<a><!-- note --><b/></a>'],
    ['a CDATA section', '<a><![CDATA[<b>]]></a>'],
    ['a DOCTYPE', '<!DOCTYPE a [<!ENTITY e "x">]><a>&e;</a>'],
    ['a processing instruction after the declaration', '<?xml version="1.0"?><?pi data?><a/>'],
  ])('on %s, and the part is still read', (_name, xml) => {
    expect(() => fast(xml)).toThrow(NOT_PLAIN);
    const r = recorder();
    let threw: unknown;
    try {
      parseXml(xml, 'test.xml', () => ({ handlers: r.handlers, result: () => r.events }));
    } catch (e) {
      threw = e;
    }
    // Whatever saxes makes of it is what the reader gives: events or its error.
    if (threw) expect(threw).toBeInstanceOf(WorkbookFormatError);
    else expect(r.events).toEqual(slow(xml));
  });

  it.each([
    ['mismatched tags', '<a><b></a></b>'],
    ['an unclosed element', '<a><b></b>'],
    ['an unknown entity', '<a>&nbsp;</a>'],
    ['a bare ampersand', '<a>fish & chips</a>'],
    ['< in an attribute', '<a x="<"/>'],
    ['text after the root', '<a/>tail'],
    ['two roots', '<a/><b/>'],
    ['an attribute twice', '<a x="1" x="2"/>'],
    ['a reference to no character', '<a>&#0;</a>'],
    ['a control character', '<a>\u0001</a>'],
    ['a lone surrogate', '<a>\ud800</a>'],
    [']]> in text', '<a>]]></a>'],
    ['a bad name', '<1a/>'],
    ['no element at all', '   '],
  ])('on %s: saxes refuses it in one sentence', (_name, xml) => {
    expect(() => fast(xml)).toThrow(NOT_PLAIN);
    const r = recorder();
    expect(() => parseXml(xml, 'xl/worksheets/sheet1.xml', () => ({ handlers: r.handlers, result: () => r.events }))).toThrow(WorkbookFormatError);
  });

  it('a handler’s own error passes through, from either reader', () => {
    const boom = new WorkbookFormatError('ô nằm ngoài lưới', 'cell outside the grid');
    const start = () => ({
      handlers: {
        open: () => {
          throw boom;
        },
      },
      result: () => undefined,
    });
    expect(() => parseXml('<a/>', 'x.xml', start)).toThrow(boom);
    expect(() => parseXml('<!-- c --><a/>', 'x.xml', start)).toThrow(boom);
  });
});
