import { defineConfig } from 'vitest/config';

// Unit tests of pure SDK/app logic sit beside the code as *.test.ts; media and server behaviour are
// proven in real Chromium by tests/Duet.Browser.Tests instead.
export default defineConfig({
  test: {
    include: ['sdk/src/**/*.test.ts', 'app/src/**/*.test.ts'],
    environment: 'node',
    passWithNoTests: true,
  },
});
