import preact from '@preact/preset-vite';
import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

export default defineConfig({
  plugins: [WxtVitest(), preact()],
  test: {
    environment: 'happy-dom',
    include: ['tests/unit/**/*.test.{ts,tsx}', 'tests/component/**/*.test.{ts,tsx}'],
    restoreMocks: true,
    // The hover card puts its CSS (imported `?inline`) into its shadow root; tests check what it holds.
    css: { include: [/components\/card\/.*\.css/] },
    setupFiles: ['tests/setup.ts'],
  },
});
