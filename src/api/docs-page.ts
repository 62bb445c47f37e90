/**
 * The API reference at `/docs`: the OpenAPI document rendered to plain HTML on the server, so the
 * page needs no script at all (the CSP forbids inline script, and we ship no third-party viewer).
 * Operations are grouped by tag; schemas are listed with their JSON Schema.
 */

interface Schemaish {
  $ref?: string;
  type?: string | string[];
  enum?: unknown[];
  default?: unknown;
  items?: Schemaish;
  anyOf?: Schemaish[];
  description?: string;
  pattern?: string;
}

interface Parameter {
  name: string;
  in: string;
  required?: boolean;
  description?: string;
  schema?: Schemaish;
}

interface MediaContent {
  schema?: Schemaish;
}

interface Operation {
  summary?: string;
  description?: string;
  tags?: string[];
  parameters?: Parameter[];
  requestBody?: { description?: string; content?: Record<string, MediaContent> };
  responses?: Record<string, { description?: string; content?: Record<string, MediaContent> }>;
}

/** The subset of an OpenAPI 3.1 document the page renders. */
export interface OpenApiDocLike {
  info: { title: string; version: string; description?: string };
  paths?: Record<string, Record<string, Operation> | undefined>;
  components?: { schemas?: Record<string, unknown> };
}

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;

function esc(text: unknown): string {
  return String(text)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

function schemaName(ref: string): string {
  return ref.split('/').pop() ?? ref;
}

function typeText(s: Schemaish | undefined): string {
  if (!s) return '';
  if (s.$ref) return `<a href="#schema-${esc(schemaName(s.$ref))}">${esc(schemaName(s.$ref))}</a>`;
  if (s.enum) return s.enum.map((v) => `<code>${esc(v)}</code>`).join(' | ');
  if (s.anyOf) return s.anyOf.map(typeText).join(' | ');
  if (s.type === 'array') return `${typeText(s.items)}[]`;
  const t = Array.isArray(s.type) ? s.type.join(' | ') : (s.type ?? 'any');
  return esc(t) + (s.pattern ? ` <small>/${esc(s.pattern)}/</small>` : '');
}

function contentList(content: Record<string, MediaContent> | undefined): string {
  if (!content) return '';
  return Object.entries(content)
    .map(([type, media]) => `<li><code>${esc(type)}</code> ${typeText(media.schema)}</li>`)
    .join('');
}

function renderOperation(method: string, path: string, op: Operation): string {
  const id = `op-${method}-${path.replace(/[^A-Za-z0-9]+/g, '-')}`;
  const params = (op.parameters ?? [])
    .map(
      (p) =>
        `<tr><td><code>${esc(p.name)}</code></td><td>${esc(p.in)}</td><td>${p.required ? 'yes' : 'no'}</td>` +
        `<td>${typeText(p.schema)}${p.schema?.default !== undefined ? ` (default <code>${esc(JSON.stringify(p.schema.default))}</code>)` : ''}</td>` +
        `<td>${esc(p.description ?? p.schema?.description ?? '')}</td></tr>`,
    )
    .join('');
  const responses = Object.entries(op.responses ?? {})
    .map(
      ([status, r]) =>
        `<li><strong>${esc(status)}</strong> ${esc(r.description ?? '')}<ul>${contentList(r.content)}</ul></li>`,
    )
    .join('');
  return `<section class="op" id="${esc(id)}">
<h3><span class="method method-${esc(method)}">${esc(method.toUpperCase())}</span> <code>${esc(path)}</code></h3>
${op.summary ? `<p class="summary">${esc(op.summary)}</p>` : ''}
${op.description ? `<p>${esc(op.description)}</p>` : ''}
${params ? `<table><caption>Parameters</caption><thead><tr><th scope="col">name</th><th scope="col">in</th><th scope="col">required</th><th scope="col">type</th><th scope="col">description</th></tr></thead><tbody>${params}</tbody></table>` : ''}
${op.requestBody ? `<h4>Request body</h4><p>${esc(op.requestBody.description ?? '')}</p><ul>${contentList(op.requestBody.content)}</ul>` : ''}
<h4>Responses</h4><ul>${responses}</ul>
</section>`;
}

/**
 * Renders the reference page for an OpenAPI document.
 *
 * @example
 * renderDocsPage(app.getOpenAPI31Document(info)); // '<!doctype html>…'
 */
export function renderDocsPage(doc: OpenApiDocLike): string {
  const byTag = new Map<string, string[]>();
  const toc = new Map<string, string[]>();
  for (const [path, item] of Object.entries(doc.paths ?? {})) {
    for (const method of METHODS) {
      const op = item?.[method];
      if (!op) continue;
      const tag = op.tags?.[0] ?? 'other';
      byTag.set(tag, [...(byTag.get(tag) ?? []), renderOperation(method, path, op)]);
      const anchor = `op-${method}-${path.replace(/[^A-Za-z0-9]+/g, '-')}`;
      toc.set(tag, [
        ...(toc.get(tag) ?? []),
        `<li><a href="#${esc(anchor)}">${esc(method.toUpperCase())} ${esc(path)}</a></li>`,
      ]);
    }
  }
  const schemas = Object.entries(doc.components?.schemas ?? {})
    .sort(([a], [b]) => a.localeCompare(b))
    .map(
      ([name, schema]) =>
        `<details id="schema-${esc(name)}"><summary>${esc(name)}</summary><pre>${esc(JSON.stringify(schema, null, 2))}</pre></details>`,
    )
    .join('\n');
  const nav = [...toc.entries()]
    .map(([tag, items]) => `<li><a href="#tag-${esc(tag)}">${esc(tag)}</a><ul>${items.join('')}</ul></li>`)
    .join('');
  const body = [...byTag.entries()]
    .map(([tag, ops]) => `<section id="tag-${esc(tag)}"><h2>${esc(tag)}</h2>${ops.join('\n')}</section>`)
    .join('\n');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(doc.info.title)} ${esc(doc.info.version)} — API reference</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="/docs/docs.css">
</head>
<body>
<a class="skip" href="#main">Skip to content</a>
<nav aria-label="Operations"><p><strong>${esc(doc.info.title)}</strong> ${esc(doc.info.version)}</p>
<p><a href="/openapi.json">openapi.json</a> · <a href="/">workbench</a></p><ul>${nav}</ul>
<p><a href="#schemas">Schemas</a></p></nav>
<main id="main">
<h1>${esc(doc.info.title)} API</h1>
${doc.info.description ? `<p>${esc(doc.info.description)}</p>` : ''}
${body}
<section id="schemas"><h2>Schemas</h2>
${schemas}
</section>
</main>
</body>
</html>`;
}

export const DOCS_CSS = `
:root { color-scheme: light; --ink: #1a1a1a; --muted: #4a4a4a; --line: #d0d0d0; --accent: #0b57a4; }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.5 system-ui, sans-serif; color: var(--ink); background: #fff; display: grid; grid-template-columns: 20rem 1fr; }
nav { position: sticky; top: 0; height: 100vh; overflow: auto; padding: 1rem; border-right: 1px solid var(--line); background: #f6f7f9; font-size: 13px; }
nav ul { list-style: none; padding-left: 0.75rem; margin: 0.25rem 0; }
main { padding: 1rem 2rem; max-width: 70rem; }
a { color: var(--accent); }
a:focus-visible, summary:focus-visible { outline: 3px solid #f2a900; outline-offset: 2px; }
.skip { position: absolute; left: -999px; }
.skip:focus { left: 1rem; top: 1rem; background: #fff; padding: 0.5rem; z-index: 1; }
.op { border: 1px solid var(--line); border-radius: 6px; padding: 0.5rem 1rem; margin: 1rem 0; }
.op h3 { margin: 0.25rem 0; font-size: 1rem; }
.method { display: inline-block; min-width: 4rem; text-align: center; border-radius: 4px; padding: 0 0.4rem; color: #fff; background: #35506b; }
.method-get { background: #0b6b3a; }
.method-post { background: #0b57a4; }
.method-delete { background: #a3261b; }
.summary { color: var(--muted); margin: 0.25rem 0; }
table { border-collapse: collapse; width: 100%; font-size: 13px; }
caption { text-align: left; font-weight: 600; }
th, td { border-bottom: 1px solid var(--line); padding: 0.25rem 0.5rem; text-align: left; vertical-align: top; }
pre { background: #f6f7f9; padding: 0.75rem; overflow: auto; font-size: 12px; }
details { margin: 0.25rem 0; }
summary { cursor: pointer; font-family: ui-monospace, monospace; }
`;
