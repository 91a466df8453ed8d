// Types for build-sidebar.js, so TypeScript tests can build the sidebar page the way the build does.
export function buildSidebarHtml(): Promise<string>;
export function writeSidebarHtml(file?: string): Promise<{ file: string; bytes: number }>;
export function safeForScript(js: string): string;
export function bundleClient(): Promise<{ js: string; modules: string[] }>;
/** The catalogue sections the page carries (the others are left out of it). */
export const PAGE_SECTIONS: readonly string[];
