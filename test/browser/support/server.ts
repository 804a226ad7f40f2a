/** A tiny static server for dist/ on 127.0.0.1 (random port): what `npm run dev-server` serves, minus HTTPS. */
import * as fs from "node:fs";
import * as http from "node:http";
import type { AddressInfo } from "node:net";
import * as path from "node:path";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".map": "application/json",
  ".json": "application/json",
  ".png": "image/png",
  ".xml": "application/xml",
  ".css": "text/css",
  ".txt": "text/plain; charset=utf-8",
};

export interface StaticServer {
  origin: string;
  /** Paths requested, in order. */
  served: string[];
  close(): Promise<void>;
}

export function serve(dir: string): Promise<StaticServer> {
  const root = path.resolve(dir);
  const served: string[] = [];
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    served.push(url.pathname);
    const file = path.resolve(root, `.${decodeURIComponent(url.pathname)}`);
    if (!file.startsWith(root + path.sep) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      res.writeHead(404, { "Content-Type": "text/plain" });
      res.end("not found");
      return;
    }
    res.writeHead(200, { "Content-Type": TYPES[path.extname(file)] ?? "application/octet-stream", "Cache-Control": "no-store" });
    fs.createReadStream(file).pipe(res);
  });
  return new Promise((resolve) => {
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as AddressInfo;
      resolve({
        origin: `http://127.0.0.1:${port}`,
        served,
        close: () => new Promise<void>((r) => server.close(() => r())),
      });
    });
  });
}
