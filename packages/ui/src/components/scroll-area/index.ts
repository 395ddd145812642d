export { ScrollArea, ScrollBar } from './scroll-area';
