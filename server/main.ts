/**
 * `npm start`: the district server in one process. Reads the environment, builds the app if it is
 * stale, opens the store, listens, and explains where to open it. Every startup failure is ONE
 * line on stderr and exit code 1: the person at the district office needs a sentence, not a stack.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildApp } from './app.ts';
import { DEMO_FLAG, demoAnnouncement, seedDemoCooperative } from './demo.ts';
import { ensureFirstAdmin } from './auth/bootstrap-admin.ts';
import { ConfigError, readConfig, type ServerConfig } from './config.ts';
import { PostgresStore } from './storage/postgres/postgres-store.ts';
import type { Store } from './storage/store.ts';
import { decideBuild, runViteBuild } from './startup/build-if-stale.ts';
import { checkDataDir } from './startup/data-dir.ts';
import { lanAddresses } from './startup/lan-addresses.ts';
import { openStore, StoreOpenError } from './startup/open-store.ts';

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function fail(line: string): never {
  process.stderr.write(`lumbung: ${line}\n`);
  process.exit(1);
}

function explainWhereToOpen(config: ServerConfig, port: number): void {
  const hosts = config.host === '0.0.0.0' || config.host === '::' ? [...lanAddresses(), 'localhost'] : [config.host];
  const lines = [
    'Lumbung siap.',
    ...hosts.map((host) => `  Aplikasi bendahara:  http://${host}:${String(port)}/`),
    ...hosts.slice(0, 1).map((host) => `  Kantor dinas:        http://${host}:${String(port)}/dinas`),
    'Mendaftarkan HP bendahara: masuk di /dinas, buat koperasi, buat kode pendaftaran,',
    'lalu ketik kode itu di HP (buka alamat aplikasi di atas dari Wi-Fi kantor yang sama).',
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}

async function main(): Promise<void> {
  let config: ServerConfig;
  try {
    config = readConfig(process.env, process.cwd());
  } catch (error) {
    if (error instanceof ConfigError) fail(error.message);
    throw error;
  }

  const dataDirProblem = checkDataDir(config.store.dataDir);
  if (dataDirProblem !== null) fail(dataDirProblem);

  const distDir = path.join(projectRoot, 'dist');
  if (!config.skipBuild) {
    const decision = decideBuild(projectRoot, distDir);
    if (decision === 'missing' || decision === 'stale') {
      process.stdout.write('Membangun aplikasi (vite build)…\n');
      const buildProblem = await runViteBuild(projectRoot);
      if (buildProblem !== null && decision === 'missing') fail(`${buildProblem}; jalankan "npm run build" untuk melihat rinciannya.`);
      // A stale build still works: serve it rather than leave the office without the app.
      if (buildProblem !== null) process.stderr.write(`lumbung: PERINGATAN: ${buildProblem}; aplikasi versi sebelumnya tetap dilayani.\n`);
    }
  }

  let store: Store;
  try {
    store = await openStore(config.store);
  } catch (error) {
    if (error instanceof StoreOpenError) fail(error.message);
    throw error;
  }
  if (store instanceof PostgresStore && (await store.bypassesRowSecurity())) {
    process.stderr.write(
      'lumbung: PERINGATAN: pengguna PostgreSQL ini superuser atau BYPASSRLS, jadi row-level security tidak berlaku; pakai pengguna biasa.\n',
    );
  }

  const admin = await ensureFirstAdmin(store, config.admin, new Date());
  if (admin.status === 'generated') {
    process.stdout.write(
      [
        'Akun admin dinas pertama dibuat (hanya ditampilkan sekali ini, catat sekarang):',
        `  nama pengguna: ${admin.username}`,
        `  kata sandi:    ${admin.password}`,
        '(Atau tetapkan sendiri lewat LUMBUNG_ADMIN_USER dan LUMBUNG_ADMIN_PASSWORD sebelum start pertama.)',
        '',
      ].join('\n'),
    );
  } else if (admin.status === 'created-from-env') {
    process.stdout.write(`Akun admin dinas "${admin.username}" dibuat dari LUMBUNG_ADMIN_USER.\n`);
  }

  const app = buildApp({
    store,
    staticDir: distDir,
    logger: { level: process.env.LOG_LEVEL ?? 'info' },
    trustProxy: config.trustProxy,
    closeStoreOnClose: true,
  });

  try {
    await app.listen({ port: config.port, host: config.host });
  } catch (error) {
    await store.close().catch(() => undefined);
    const code = error instanceof Error && 'code' in error ? String(error.code) : '';
    if (code === 'EADDRINUSE') fail(`Port ${String(config.port)} sudah dipakai program lain: hentikan program itu atau pilih port lain dengan PORT.`);
    if (code === 'EACCES') fail(`Tidak boleh membuka port ${String(config.port)}: pilih port di atas 1024 dengan PORT.`);
    if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND') fail(`Alamat HOST "${config.host}" tidak ada di komputer ini: perbaiki HOST.`);
    fail(`Server tidak bisa mulai mendengarkan (${code || String(error)}).`);
  }
  const address = app.server.address();
  explainWhereToOpen(config, typeof address === 'object' && address !== null ? address.port : config.port);
  if (process.argv.includes(DEMO_FLAG)) {
    try {
      process.stdout.write(demoAnnouncement(await seedDemoCooperative(app, store, { now: new Date() })));
    } catch (error) {
      // The server itself is fine: keep serving, say why the demo is missing.
      process.stderr.write(`lumbung: koperasi contoh gagal dibuat (${error instanceof Error ? error.message : String(error)})\n`);
    }
  }

  let stopping = false;
  const stop = (signal: string): void => {
    if (stopping) return;
    stopping = true;
    app.log.info({ signal }, 'menghentikan server');
    // A request that never finishes must not keep the office from restarting the server.
    setTimeout(() => {
      process.stderr.write('lumbung: permintaan yang berjalan tidak selesai dalam 30 detik; server dihentikan paksa.\n');
      process.exit(1);
    }, 30_000).unref();
    // close() stops accepting, lets in-flight requests finish, then runs onClose (store close).
    app.close().then(
      () => process.exit(0),
      (error: unknown) => {
        process.stderr.write(`lumbung: gagal berhenti dengan rapi (${String(error)})\n`);
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', () => stop('SIGTERM'));
  process.once('SIGINT', () => stop('SIGINT'));
}

main().catch((error: unknown) => {
  fail(`Gagal memulai: ${error instanceof Error ? error.message : String(error)}`);
});
