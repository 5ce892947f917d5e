import { spawn, spawnSync } from 'node:child_process';
import { createServer } from 'node:net';
import { Redis } from 'ioredis';

/** A private redis-server for a test: its own free port, nothing on disk, stopped by pid. */
export interface TestRedis {
	readonly port: number;
	readonly url: string;
	/** Stops the server (SIGTERM to its pid) and waits for it to exit. */
	stop(): Promise<void>;
}

/**
 * Starts `redis-server --port <free> --save '' --appendonly no` on 127.0.0.1. A missing
 * redis-server is an error, never a skip: CI installs it.
 */
export async function startTestRedis(): Promise<TestRedis> {
	const version = spawnSync('redis-server', ['--version'], { encoding: 'utf8' });
	if (version.error || version.status !== 0) {
		throw new Error('redis-server is not installed: this test needs it (apt-get install -y redis-server; .ci/run installs it)');
	}
	const port = await freePort();
	const child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
	const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
	const stop = async (): Promise<void> => {
		if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
		await exited;
	};
	const probe = new Redis({ port, host: '127.0.0.1', lazyConnect: true, retryStrategy: () => 100, maxRetriesPerRequest: 0 });
	probe.on('error', () => undefined);
	const until = Date.now() + 10_000;
	try {
		for (;;) {
			try {
				if (probe.status === 'wait') await probe.connect();
				if ((await probe.ping()) === 'PONG') break;
			} catch (error) {
				if (Date.now() > until || child.exitCode !== null) throw new Error(`redis-server on port ${port} did not answer: ${String(error)}`);
				await new Promise((r) => setTimeout(r, 100));
			}
		}
	} catch (error) {
		await stop();
		throw error;
	} finally {
		probe.disconnect();
	}
	return { port, url: `redis://127.0.0.1:${port}`, stop };
}

function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const s = createServer();
		s.once('error', reject);
		s.listen(0, '127.0.0.1', () => {
			const address = s.address();
			const port = typeof address === 'object' && address ? address.port : 0;
			s.close(() => resolve(port));
		});
	});
}
