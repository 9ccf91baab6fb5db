/**
 * A real nginx, started for a check and stopped after it: it serves built sites on
 * 127.0.0.1 only, from a configuration written to a temporary folder, so it needs
 * nothing from /etc/nginx and leaves nothing behind.
 */
import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

export interface ServedSite {
	/** The built site folder. */
	dir: string;
	/** The path it is served under: `/` or `/tour/`. */
	base: string;
	port: number;
	/**
	 * The `server { … }` block to serve it with, as a deployer would write it (the
	 * README's examples): listening on port 80, with the web root `/var/www/site`. Both
	 * are replaced with this run's own. Without it, a plain block serves the base path.
	 */
	server?: string;
}

/** The web root and port the README's examples use, replaced when they are served here. */
const EXAMPLE_LISTEN = 'listen 80;';
const EXAMPLE_ROOT = 'root /var/www/site;';

/**
 * The nginx example of the README for a site served under `base`: the fenced `nginx`
 * block whose `location` is that base path. Throws, naming what is missing, where the
 * README has no such block, so the README and the served configuration cannot drift.
 */
export function readmeServerBlock(readme: string, base: string): string {
	const blocks = [...readme.matchAll(/```nginx\n([\s\S]*?)```/g)].map((match) => match[1] ?? '');
	const block = blocks.find((text) => new RegExp(`^\\s*location ${base.replace(/[/.]/g, '\\$&')} \\{`, 'm').test(text));
	if (!block) throw new Error(`README.md has no \`\`\`nginx example with "location ${base} {" (found ${blocks.length} nginx block(s))`);
	for (const line of [EXAMPLE_LISTEN, EXAMPLE_ROOT]) {
		if (!block.includes(line)) throw new Error(`README.md's nginx example for ${base} lacks "${line}", which the check replaces with its own`);
	}
	return block;
}

export interface RunningNginx {
	stop(): Promise<void>;
}


const MIME_TYPES = `
	types {
		text/html html;
		text/css css;
		text/plain txt;
		text/javascript js mjs;
		application/json json;
		application/xml xml;
		application/rss+xml rss;
		image/svg+xml svg;
		image/png png;
		application/wasm wasm;
		application/octet-stream pf_meta pf_index pf_fragment pagefind;
	}`;

/** Starts nginx serving each site under its base path on its port; resolves once all answer. */
export async function startNginx(sites: readonly ServedSite[]): Promise<RunningNginx> {
	const work = await mkdtemp(path.join(tmpdir(), 'story-nginx-'));
	const servers: string[] = [];
	for (const [index, site] of sites.entries()) {
		// Each site gets a web root in which its build sits at its base path.
		const webRoot = path.join(work, `www-${index}`);
		const basePath = site.base.replace(/^\/|\/$/g, '');
		if (basePath) {
			await mkdir(path.dirname(path.join(webRoot, basePath)), { recursive: true });
			await symlink(site.dir, path.join(webRoot, basePath));
		} else {
			await symlink(site.dir, webRoot);
		}
		servers.push(
			site.server
				? site.server.replace(EXAMPLE_LISTEN, `listen 127.0.0.1:${site.port};`).replace(EXAMPLE_ROOT, `root ${webRoot};`)
				: `
	server {
		listen 127.0.0.1:${site.port};
		root ${webRoot};
		location ${site.base} { try_files $uri $uri/ =404; }
		error_page 404 ${site.base}404.html;
	}`,
		);
	}
	const config = `
${process.getuid?.() === 0 ? 'user root;' : ''}
worker_processes 1;
daemon off;
pid ${work}/nginx.pid;
error_log ${work}/error.log warn;
events { worker_connections 128; }
http {
	${MIME_TYPES}
	default_type application/octet-stream;
	access_log off;
	client_body_temp_path ${work}/body;
	proxy_temp_path ${work}/proxy;
	fastcgi_temp_path ${work}/fastcgi;
	uwsgi_temp_path ${work}/uwsgi;
	scgi_temp_path ${work}/scgi;
	${servers.join('\n')}
}
`;
	await writeFile(path.join(work, 'nginx.conf'), config);
	const child = spawn('nginx', ['-p', work, '-c', path.join(work, 'nginx.conf')], { stdio: ['ignore', 'ignore', 'pipe'] });
	let stderr = '';
	child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
	const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
	child.once('error', (error) => (stderr += String(error)));

	const deadline = Date.now() + 10_000;
	for (const site of sites) {
		for (;;) {
			const ready = await fetch(`http://127.0.0.1:${site.port}${site.base}`).then((response) => response.ok, () => false);
			if (ready) break;
			if (child.exitCode !== null || Date.now() > deadline) {
				child.kill('SIGKILL');
				await rm(work, { recursive: true, force: true });
				throw new Error(`nginx did not start serving ${site.base} on 127.0.0.1:${site.port}: ${stderr.trim() || 'no answer'}`);
			}
			await new Promise((resolve) => setTimeout(resolve, 100));
		}
	}
	return {
		async stop() {
			child.kill('SIGQUIT');
			await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5_000))]);
			if (child.exitCode === null) child.kill('SIGKILL');
			await rm(work, { recursive: true, force: true });
		},
	};
}

/**
 * Starts nginx serving each site with the README's own nginx example for its base path
 * (the file is read from `projectRoot`); the caller stops it.
 */
export async function startReadmeNginx(sites: readonly Omit<ServedSite, 'server'>[], projectRoot: string): Promise<RunningNginx> {
	const readme = await readFile(path.join(projectRoot, 'README.md'), 'utf8');
	return startNginx(sites.map(({ dir, base, port }) => ({ dir, base, port, server: readmeServerBlock(readme, base) })));
}

/**
 * Serves each site with the README's own nginx example for its base path, runs `use`,
 * and stops nginx whatever `use` does.
 */
export async function withReadmeNginx<T>(sites: readonly Omit<ServedSite, 'server'>[], projectRoot: string, use: () => Promise<T>): Promise<T> {
	const nginx = await startReadmeNginx(sites, projectRoot);
	try {
		return await use();
	} finally {
		await nginx.stop();
	}
}
