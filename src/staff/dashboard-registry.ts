import type { TextValues } from '../core/i18n/translator';
import type { SafeHtml } from './html';
import type { StaffPrincipal, StaffRole } from './staff-types';

/** What a page's render function gets: who is looking, the URL's values and the Dutch UI texts. */
export interface DashboardView {
  staff: StaffPrincipal;
  /** The session's CSRF token; the shell also puts it in <meta name="csrf-token"> for scripts. */
  csrf: string;
  params: Record<string, string>;
  query: Record<string, string | undefined>;
  /** A dashboard text by locale key, in Dutch (the staff's language). */
  t(key: string, values?: TextValues): string;
}

/** A page of the staff dashboard, added by a feature (the case queue, loans, donations, statistics). */
export interface DashboardPage {
  /** Below /staff/, with optional `:name` segments: "queue", "cases/:id", "loans". */
  path: string;
  /** Locale key of the page title (and of its menu entry). */
  title: string;
  roles: readonly StaffRole[];
  /** Shown in the menu; false for detail pages such as "cases/:id". Defaults to true. */
  nav?: boolean;
  /** Asset file names (served under /staff/assets/) this page loads as scripts, after dashboard.js. */
  scripts?: readonly string[];
  /** The main area's HTML, built with the `html` template so every value is escaped. */
  render(view: DashboardView): Promise<SafeHtml>;
}

/** How features plug pages and their static files into the one dashboard (see docs/staff-guide.md). */
export interface DashboardRegistry {
  addPage(page: DashboardPage): void;
  /** Serves a file (a page's script or style) at /staff/assets/<name>. */
  addAsset(name: string, file: string): void;
}

/** A page matched against a request path, with the values of its `:name` segments. */
export interface MatchedPage {
  page: DashboardPage;
  params: Record<string, string>;
}

const ASSET_NAME = /^[a-z0-9][a-z0-9._-]*\.(js|css|svg)$/;

/** The registry the composition root shares: pages are looked up per request, so order of adding is free. */
export class DashboardPages implements DashboardRegistry {
  private readonly pages: DashboardPage[] = [];
  private readonly assets = new Map<string, string>();

  addPage(page: DashboardPage): void {
    if (this.pages.some((p) => p.path === page.path)) throw new Error(`dashboard page ${page.path} is added twice`);
    this.pages.push(page);
  }

  addAsset(name: string, file: string): void {
    if (!ASSET_NAME.test(name)) throw new Error(`dashboard asset name ${name} must be lower-case with .js, .css or .svg`);
    this.assets.set(name, file);
  }

  /** The file behind an asset name, or undefined. */
  asset(name: string): string | undefined {
    return this.assets.get(name);
  }

  /** The menu of a role: pages shown in the menu that the role may open, in the order added. */
  menu(role: StaffRole): DashboardPage[] {
    return this.pages.filter((p) => p.nav !== false && p.roles.includes(role));
  }

  /** Every page, for tests that walk all staff routes. */
  all(): readonly DashboardPage[] {
    return this.pages;
  }

  /** Finds the page for a path below /staff/ ("cases/abc" matches "cases/:id"). */
  match(path: string): MatchedPage | undefined {
    const parts = path.split('/').filter(Boolean);
    for (const page of this.pages) {
      const pattern = page.path.split('/').filter(Boolean);
      if (pattern.length !== parts.length) continue;
      const params: Record<string, string> = {};
      const fits = pattern.every((segment, i) => {
        const part = parts[i] as string;
        if (segment.startsWith(':')) params[segment.slice(1)] = decodeURIComponent(part);
        return segment.startsWith(':') || segment === part;
      });
      if (fits) return { page, params };
    }
    return undefined;
  }
}
