// The Vite template's config, plus the app's own Tailwind when it is built that way (STYLING=tailwind);
// otherwise the app takes the kit's prebuilt stylesheet (src/main.tsx).
import tailwindcss from '@tailwindcss/vite';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  plugins: [react(), ...(process.env.STYLING === 'tailwind' ? [tailwindcss()] : [])],
  define: { 'import.meta.env.VITE_STYLING': JSON.stringify(process.env.STYLING ?? 'prebuilt') },
});
