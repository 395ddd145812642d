export { Toaster, toast } from './toast';
