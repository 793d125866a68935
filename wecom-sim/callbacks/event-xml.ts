/**
 * Builds WeCom's callback XML: text in CDATA, numbers bare (as in the doc samples, e.g.
 * `<CreateTime>1403610513</CreateTime>`, `<Name><![CDATA[张三]]></Name>`), nested elements for lists.
 */
export type XmlValue = string | number | XmlElement[];

export interface XmlElement {
  name: string;
  value: XmlValue;
}

export function xmlElement(name: string, value: XmlValue): XmlElement {
  return { name, value };
}

/** "]]>" cannot appear inside one CDATA section, so it is split across two. */
function cdata(text: string): string {
  return `<![CDATA[${text.split(']]>').join(']]]]><![CDATA[>')}]]>`;
}

function renderValue(value: XmlValue): string {
  if (typeof value === 'string') return cdata(value);
  if (typeof value === 'number') return String(value);
  return value.map(renderElement).join('');
}

function renderElement(element: XmlElement): string {
  return `<${element.name}>${renderValue(element.value)}</${element.name}>`;
}

export function renderXmlDocument(children: XmlElement[]): string {
  return renderElement(xmlElement('xml', children));
}
