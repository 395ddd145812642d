export declare const themes: readonly ['light', 'dark'];
export declare function renderTokens(srcDir?: string): Promise<Record<string, string>>;
export declare function buildTokens(outDir?: string): Promise<string[]>;
