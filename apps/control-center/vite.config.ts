// The control center: Vite + React + Tailwind v4 on the Syncline tokens, with a service worker so the
// app shell loads with the network off after the first visit.
import tailwindcss from '@tailwindcss/vite';
import react from '@vitejs/plugin-react';
import { defaultClientConditions, defineConfig } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';

const syncServer = process.env.SYNCLINE_SERVER_URL ?? 'http://127.0.0.1:4000';

export default defineConfig({
  // Workspace packages resolve to their TypeScript source; the default conditions stay (browser, production...).
  resolve: { conditions: ['source', ...defaultClientConditions] },
  plugins: [
    react(),
    tailwindcss(),
    VitePWA({
      registerType: 'autoUpdate',
      injectRegister: false,
      manifest: {
        name: 'Syncline Control Center',
        short_name: 'Syncline',
        theme_color: '#0F1419',
        background_color: '#0F1419',
        display: 'standalone',
        icons: [{ src: '/icon.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any' }],
      },
      workbox: {
        // Take control of the first page at once, so it can reload with the network off.
        clientsClaim: true,
        skipWaiting: true,
        globPatterns: ['**/*.{js,css,html,svg,woff2}'],
        navigateFallback: '/index.html',
        navigateFallbackDenylist: [/^\/graphql/, /^\/sync\//, /^\/dev\//, /^\/healthz/, /^\/readyz/],
        maximumFileSizeToCacheInBytes: 5 * 1024 * 1024,
      },
    }),
  ],
  server: {
    port: 5173,
    proxy: {
      '/graphql': { target: syncServer, ws: true },
      '/sync': syncServer,
      '/dev': syncServer,
    },
  },
  build: { target: 'es2022', sourcemap: true },
});
