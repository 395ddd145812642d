export { Kbd, KbdGroup } from './kbd';
