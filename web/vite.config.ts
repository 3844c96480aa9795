import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';

// MediaPipe Pose runs fully offline: its script, wasm, model and graph files are copied from
// node_modules into dist/vendor/mediapipe/pose/ (and served from there by `vite dev`), where
// web/src/pose.ts loads them. The heavy model (27 MB, modelComplexity 2) is left out.
const POSE_DIR = fileURLToPath(new URL('./node_modules/@mediapipe/pose/', import.meta.url));
const POSE_URL = '/vendor/mediapipe/pose/';
const POSE_FILES = /^(pose\.js|pose_solution_[a-z_]+\.(js|wasm|data)|pose_landmark_(lite|full)\.tflite|pose_web\.binarypb)$/;

function mediapipePose(): Plugin {
  const files = () => fs.readdirSync(POSE_DIR).filter((f) => POSE_FILES.test(f)).sort();
  return {
    name: 'kneecoach-mediapipe-pose',
    generateBundle() {
      for (const f of files()) {
        this.emitFile({ type: 'asset', fileName: `${POSE_URL.slice(1)}${f}`, source: fs.readFileSync(path.join(POSE_DIR, f)) });
      }
    },
    configureServer(server) {
      server.middlewares.use(POSE_URL, (req, res, next) => {
        const name = (req.url ?? '').split('?')[0].replace(/^\//, '');
        if (!POSE_FILES.test(name)) { next(); return; }
        const type = name.endsWith('.js') ? 'text/javascript' : name.endsWith('.wasm') ? 'application/wasm' : 'application/octet-stream';
        res.setHeader('Content-Type', type);
        fs.createReadStream(path.join(POSE_DIR, name)).pipe(res);
      });
    },
  };
}

// The service worker (src/sw.ts) is built to /sw.js; its list of app-shell files (the page, the
// hashed scripts and styles, public/: manifest and icons) and a version made from their contents
// are written into it here. The MediaPipe files are left out (tens of MB; the camera needs a connection).
const PUBLIC_DIR = fileURLToPath(new URL('./public/', import.meta.url));
function publicFiles(dir = PUBLIC_DIR): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    return e.isDirectory() ? publicFiles(full) : [`/${path.relative(PUBLIC_DIR, full).split(path.sep).join('/')}`];
  });
}
function serviceWorkerShell(): Plugin {
  return {
    name: 'kneecoach-service-worker-shell',
    generateBundle(_options, bundle) {
      const sw = bundle['sw.js'];
      if (!sw || sw.type !== 'chunk') return;
      const built = Object.values(bundle).filter((f) => f.fileName !== 'sw.js' && !f.fileName.startsWith('vendor/'));
      const shell = ['/index.html', ...built.filter((f) => f.fileName !== 'index.html').map((f) => `/${f.fileName}`), ...publicFiles()].sort();
      const hash = crypto.createHash('sha256');
      for (const f of built) hash.update(f.fileName).update(f.type === 'chunk' ? f.code : f.source);
      for (const f of publicFiles()) hash.update(fs.readFileSync(path.join(PUBLIC_DIR, f)));
      // The placeholders are string literals, whatever quotes the minifier chose: replaced by literals.
      sw.code = sw.code.replace(/(["'`])__KC_SHELL__\1/, () => JSON.stringify(JSON.stringify(shell)))
        .replaceAll('__KC_VERSION__', hash.digest('hex').slice(0, 16));  // hex: safe in any literal
    },
  };
}

export default defineConfig({
  base: '/',
  plugins: [mediapipePose(), serviceWorkerShell()],
  build: {
    outDir: 'dist', emptyOutDir: true, target: 'es2022',
    rollupOptions: {
      input: { main: fileURLToPath(new URL('./index.html', import.meta.url)), sw: fileURLToPath(new URL('./src/sw.ts', import.meta.url)) },
      output: { entryFileNames: (chunk) => (chunk.name === 'sw' ? 'sw.js' : 'assets/[name]-[hash].js') },
    },
  },
  server: { proxy: { '/api': { target: 'http://127.0.0.1:8080', ws: true } } },
});
