// An app with its own Tailwind v4: its stylesheet imports the token theme and scans the kit.
import './styles.css';
import { createRoot } from 'react-dom/client';
import { Demo } from '../demo';

createRoot(document.getElementById('root') as HTMLElement).render(<Demo />);
