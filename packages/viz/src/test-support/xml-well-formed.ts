/**
 * Checks that markup is well-formed XML as far as SVG output needs: every tag closes in
 * order, attributes are quoted, and text holds no raw `<` or `&`. Returns the problem, or
 * `undefined` when there is none. Our SVG writer emits no comments, CDATA or doctype.
 */
export function xmlProblem(markup: string): string | undefined {
  const open: string[] = [];
  const tag = /<(\/?)([a-zA-Z][\w:-]*)((?:\s+[\w:-]+="[^"<]*")*)\s*(\/?)>/y;
  let offset = 0;
  while (offset < markup.length) {
    const next = markup.indexOf('<', offset);
    const text = markup.slice(offset, next === -1 ? markup.length : next);
    if (/&(?!#\d+;|amp;|lt;|gt;|quot;|apos;)/.test(text)) return `bare & in text at ${offset}`;
    if (next === -1) break;
    tag.lastIndex = next;
    const match = tag.exec(markup);
    if (match === null) return `malformed tag at ${next}: ${markup.slice(next, next + 40)}`;
    const [whole, closing, name, , selfClosing] = match;
    if (closing === '/') {
      if (open.pop() !== name) return `</${name ?? ''}> closes the wrong element at ${next}`;
    } else if (selfClosing !== '/') open.push(name ?? '');
    offset = next + whole.length;
  }
  return open.length === 0 ? undefined : `unclosed <${open.join('>, <')}>`;
}
