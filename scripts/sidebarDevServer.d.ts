// Types for sidebarDevServer.js, so TypeScript tests can drive the same preview server.
import type { SidebarState } from '../src/gas/sidebarContract';
import type { Lang } from '../src/core/stages';

export interface ServerCall {
  readonly name: string;
  readonly args: unknown[];
}

export type Handler = (args: unknown[], context: { lang: Lang }) => unknown;

export interface SidebarHandlers {
  getSidebarState?: (args: unknown[], context: { lang: Lang }) => SidebarState | Promise<SidebarState>;
  previewPlan?: Handler;
  generateFromSidebar?: Handler;
  [name: string]: Handler | undefined;
}

export interface SidebarServerOptions {
  readonly port?: number;
  readonly lang?: Lang;
  readonly delayMs?: number;
  readonly html?: string;
  readonly handlers?: SidebarHandlers;
}

export interface SidebarServer {
  readonly url: string;
  readonly calls: ServerCall[];
  close(): Promise<void>;
}

export function startSidebarServer(options?: SidebarServerOptions): Promise<SidebarServer>;
export function defaultHandlers(): Record<'getSidebarState' | 'previewPlan' | 'generateFromSidebar', Handler>;
