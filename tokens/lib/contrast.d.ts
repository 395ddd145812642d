/** WCAG 2.2 relative luminance of an opaque #rrggbb colour. */
export declare function luminance(color: string): number;
/** WCAG 2.2 contrast ratio of two opaque #rrggbb colours, from 1 to 21. */
export declare function contrastRatio(a: string, b: string): number;
