import { SimulatorError } from './simulator-error.js';

/** What the incoming-call webhook told the carrier to do. */
export type CallInstruction =
  | { kind: 'stream'; url: string; parameters: Record<string, string> }
  /** The server refused the call: what it said before hanging up. */
  | { kind: 'hangup'; said: string[] };

interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  text: string;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decodeEntities(value: string): string {
  return value.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, ref: string) => {
    if (ref[0] === '#') {
      const code =
        ref[1] === 'x' || ref[1] === 'X' ? Number.parseInt(ref.slice(2), 16) : Number(ref.slice(1));
      return Number.isFinite(code) ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[ref] ?? whole;
  });
}

/** A small XML reader for TwiML: elements, attributes, text; no namespaces or DTDs. */
function parseXml(xml: string): XmlElement {
  const root: XmlElement = { name: '#document', attributes: {}, children: [], text: '' };
  const stack: XmlElement[] = [root];
  const tag =
    /<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<!\[CDATA\[([\s\S]*?)\]\]>|<(\/?)([A-Za-z_][\w.:-]*)((?:\s+[\w.:-]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>/g;
  let last = 0;
  for (let m = tag.exec(xml); m; m = tag.exec(xml)) {
    const current = stack[stack.length - 1]!;
    const between = xml.slice(last, m.index);
    if (between.includes('<')) throw new SimulatorError('the TwiML is not well-formed XML');
    current.text += decodeEntities(between);
    last = tag.lastIndex;
    if (m[1] !== undefined) current.text += m[1];
    if (!m[3]) continue; // comment, declaration or CDATA
    const [, , closing, name, attrText, selfClosing] = m;
    if (closing) {
      if (current.name !== name)
        throw new SimulatorError(`the TwiML closes <${name}> where <${current.name}> is open`);
      stack.pop();
      continue;
    }
    const attributes: Record<string, string> = {};
    for (const a of (attrText ?? '').matchAll(/([\w.:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) {
      attributes[a[1]!] = decodeEntities(a[2] ?? a[3] ?? '');
    }
    const element: XmlElement = { name: name!, attributes, children: [], text: '' };
    current.children.push(element);
    if (!selfClosing) stack.push(element);
  }
  if (xml.slice(last).includes('<') || stack.length !== 1)
    throw new SimulatorError('the TwiML is not well-formed XML');
  return root;
}

/**
 * Reads the webhook's answer the way a carrier would: `<Connect><Stream>` opens a media stream
 * (with its `<Parameter>`s passed on in `start.customParameters`); `<Say>`/`<Hangup>`/`<Reject>`
 * end the call.
 */
export function parseTwiml(xml: string): CallInstruction {
  const document = parseXml(xml.trim());
  const response = document.children[0];
  if (response?.name !== 'Response' || document.children.length !== 1) {
    throw new SimulatorError('the webhook answer is not TwiML (expected one <Response> element)');
  }
  const said: string[] = [];
  for (const verb of response.children) {
    if (verb.name === 'Say') said.push(verb.text.trim());
    else if (verb.name === 'Hangup' || verb.name === 'Reject') return { kind: 'hangup', said };
    else if (verb.name === 'Pause') continue;
    else if (verb.name === 'Connect') {
      const stream = verb.children.find((c) => c.name === 'Stream');
      if (!stream) throw new SimulatorError('the TwiML <Connect> has no <Stream>');
      const url = stream.attributes.url;
      if (!url || !/^wss?:\/\//.test(url)) {
        throw new SimulatorError(`the TwiML <Stream> url must be ws:// or wss://, got "${url ?? ''}"`);
      }
      const parameters: Record<string, string> = {};
      for (const p of stream.children) {
        if (p.name !== 'Parameter') continue;
        const name = p.attributes.name;
        if (!name) throw new SimulatorError('a TwiML <Parameter> has no name');
        parameters[name] = p.attributes.value ?? '';
      }
      return { kind: 'stream', url, parameters };
    } else if (verb.name === 'Start') {
      throw new SimulatorError(
        'the TwiML uses <Start><Stream> (listen-only); a conversation needs <Connect><Stream>',
      );
    } else {
      throw new SimulatorError(`the TwiML verb <${verb.name}> is not supported by the simulator`);
    }
  }
  // A <Response> that runs out of verbs hangs up, like a carrier does.
  return { kind: 'hangup', said };
}
