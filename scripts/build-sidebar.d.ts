// Types for build-sidebar.js, so TypeScript tests can build the sidebar page the way the build does.
export function buildSidebarHtml(): Promise<string>;
export function writeSidebarHtml(file?: string): Promise<{ file: string; bytes: number }>;
export function safeForScript(js: string): string;
