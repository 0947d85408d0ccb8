// A static file server for www/ and pkg/ — nothing else of the repository is served.
//   node .ci/serve.mjs [--port 8080] [--host 127.0.0.1] [--csp] [--quiet]
// `/` redirects to /www/. --csp sends the strict policy the widget must work under:
//   default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'
// Used by `.ci/serve` (the README's serve command) and by the end-to-end tests, which may add files
// of their own (`files`: URL path → content, e.g. a test page or a ruleset) to what is served.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

export const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.ts': 'text/plain; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
};

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
const SERVED = ['www', 'pkg'];

export function startServer({ port = 8080, host = '127.0.0.1', csp = false, onRequest, files = {} } = {}) {
  const server = createServer(async (req, res) => {
    const url = new URL(req.url, 'http://localhost');
    onRequest?.(req.method, url.pathname);
    const headers = { 'Cache-Control': 'no-cache', 'X-Content-Type-Options': 'nosniff' };
    if (csp) headers['Content-Security-Policy'] = CSP;
    if (url.pathname === '/') {
      res.writeHead(302, { ...headers, Location: '/www/' });
      return res.end();
    }
    if (Object.hasOwn(files, url.pathname)) {
      res.writeHead(200, { ...headers, 'Content-Type': TYPES[extname(url.pathname)] ?? 'application/octet-stream' });
      return res.end(req.method === 'HEAD' ? undefined : files[url.pathname]);
    }
    let path;
    try {
      path = normalize(decodeURIComponent(url.pathname)).replace(/^[/\\]+/, '');
    } catch {
      res.writeHead(400, headers);
      return res.end('bad request');
    }
    if (path.endsWith(sep) || path === 'www' || path === 'pkg') path = join(path, 'index.html');
    const top = path.split(sep)[0];
    const file = resolve(root, path);
    if (!SERVED.includes(top) || !file.startsWith(join(root, top) + sep)) {
      res.writeHead(404, headers);
      return res.end('not found');
    }
    try {
      const info = await stat(file);
      if (!info.isFile()) throw new Error('not a file');
      const body = await readFile(file);
      res.writeHead(200, { ...headers, 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream' });
      res.end(req.method === 'HEAD' ? undefined : body);
    } catch {
      res.writeHead(404, headers);
      res.end('not found');
    }
  });
  return new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(port, host, () => ok(server));
  });
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const arg = (name, dflt) => {
    const i = process.argv.indexOf(name);
    return i >= 0 ? process.argv[i + 1] : dflt;
  };
  const port = Number(arg('--port', process.env.PORT ?? 8080));
  const host = arg('--host', '127.0.0.1');
  const csp = process.argv.includes('--csp');
  const server = await startServer({ port, host, csp });
  const { port: bound } = server.address();
  console.log(`Serving www/ and pkg/ at http://${host}:${bound}/www/  (widget minimum: http://${host}:${bound}/www/embed.html)${csp ? '  [strict CSP]' : ''}`);
  console.log('Press Ctrl+C to stop.');
}
