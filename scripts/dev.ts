import { type ChildProcess, spawn } from 'node:child_process';

/**
 * `npm run dev`: the API server restarting on change (tsx watch, port 3000) and Vite's dev server with
 * hot reload (port 5173) proxying /api to it. Open http://localhost:5173. Sign-in checks the Origin
 * header against PUBLIC_URL, so the API is told the browser's address is Vite's.
 */
const apiPort = process.env.PORT ?? '3000';
const children: ChildProcess[] = [
  spawn('npx', ['tsx', 'watch', '--clear-screen=false', 'src/server/server.ts'], {
    stdio: 'inherit',
    env: { ...process.env, PORT: apiPort, PUBLIC_URL: process.env.PUBLIC_URL ?? 'http://localhost:5173' },
  }),
  spawn('npx', ['vite'], {
    stdio: 'inherit',
    env: { ...process.env, OPENBEIAN_API_URL: `http://127.0.0.1:${apiPort}` },
  }),
];

let stopping = false;
function stopAll(code: number): void {
  if (stopping) return;
  stopping = true;
  for (const child of children) child.kill('SIGTERM');
  process.exitCode = code;
}
for (const child of children) child.on('exit', (code) => stopAll(code ?? 0));
process.on('SIGINT', () => stopAll(0));
process.on('SIGTERM', () => stopAll(0));
