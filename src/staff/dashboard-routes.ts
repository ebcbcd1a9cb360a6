import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Translator } from '../core/i18n/translator';
import type { SessionStaffAuth } from './auth';
import { renderForbidden, renderShell } from './dashboard-layout';
import type { DashboardPages } from './dashboard-registry';

/** What the dashboard shell serves: the registry's pages and assets, behind the cookie login. */
export interface DashboardRoutesOptions {
  pages: DashboardPages;
  auth: SessionStaffAuth;
  translator: Translator;
  root: string;
}

const TYPES: Record<string, string> = { '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8', '.svg': 'image/svg+xml' };

/** Registers the dashboard's own assets (its script, style and the chart library). */
export function addCoreAssets(pages: DashboardPages, root: string): void {
  pages.addAsset('dashboard.css', path.join(root, 'src', 'staff', 'assets', 'dashboard.css'));
  pages.addAsset('dashboard.js', path.join(root, 'src', 'staff', 'assets', 'dashboard.js'));
  pages.addAsset('chart.umd.js', path.join(root, 'node_modules', 'chart.js', 'dist', 'chart.umd.js'));
}

function sendHtml(reply: FastifyReply, status: number, body: string): FastifyReply {
  return reply.code(status).type('text/html; charset=utf-8').header('cache-control', 'no-store').send(body);
}

/** GET /staff (first menu page), /staff/assets/:name and /staff/* (the pages of the registry). */
export async function dashboardRoutes(app: FastifyInstance, options: DashboardRoutesOptions): Promise<void> {
  const { pages, auth } = options;
  const t = (key: string, values?: Record<string, string | number>): string => options.translator.t('nl', key, values);

  app.get<{ Params: { name: string } }>('/staff/assets/:name', { schema: { hide: true } }, async (request, reply) => {
    const file = pages.asset(request.params.name);
    if (!file) return reply.code(404).send({ code: 'NOT_FOUND', message: 'Not found' });
    return reply.type(TYPES[path.extname(file)] ?? 'application/octet-stream').header('cache-control', 'no-cache').send(await readFile(file));
  });

  app.get('/staff', { schema: { hide: true } }, async (request, reply) => {
    const found = await auth.authenticate(request);
    if (!found) return reply.redirect('/staff/login', 303);
    const first = pages.menu(found.principal.role)[0];
    return first ? reply.redirect(`/staff/${first.path}`, 303) : sendHtml(reply, 403, renderForbidden(t).value);
  });

  app.get<{ Params: { '*': string } }>('/staff/*', { schema: { hide: true } }, async (request, reply) => servePage(request, reply, request.params['*']));

  async function servePage(request: FastifyRequest, reply: FastifyReply, pagePath: string): Promise<FastifyReply> {
    const matched = pages.match(pagePath);
    if (!matched) return reply.code(404).send({ code: 'NOT_FOUND', message: 'Not found' });
    const result = await auth.check(request, matched.page.roles);
    if ('status' in result && result.status === 401) return reply.redirect('/staff/login', 303);
    if ('status' in result) return sendHtml(reply, 403, renderForbidden(t).value);
    const csrf = result.csrf ?? '';
    const view = { staff: result.principal, csrf, params: matched.params, query: request.query as Record<string, string | undefined>, t };
    const body = await matched.page.render(view);
    const shell = renderShell({
      t, staff: result.principal, csrf, title: t(matched.page.title), menu: pages.menu(result.principal.role),
      currentPath: matched.page.path, body, scripts: matched.page.scripts ?? [],
    });
    return sendHtml(reply, 200, shell.value);
  }
}
