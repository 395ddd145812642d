// An app without Tailwind: the kit's prebuilt stylesheet carries the tokens and every class the kit uses.
import '@syncline/ui/styles.css';
import { createRoot } from 'react-dom/client';
import { Demo } from '../demo';

createRoot(document.getElementById('root') as HTMLElement).render(<Demo />);
