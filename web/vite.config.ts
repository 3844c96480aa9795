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

export default defineConfig({
  base: '/',
  plugins: [mediapipePose()],
  build: { outDir: 'dist', emptyOutDir: true, target: 'es2022' },
  server: { proxy: { '/api': { target: 'http://127.0.0.1:8080', ws: true } } },
});
