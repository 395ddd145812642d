// Radix + cva + Tailwind component kit, with the sync-aware components.
export {};
