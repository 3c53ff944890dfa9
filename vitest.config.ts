import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    environment: 'node',
    include: ['{core,plugins/*,tenant-ui,builder}/{src,test}/**/*.test.ts'],
    globalSetup: ['core/test/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // PGlite runs on the main thread of each worker; two cores, so two workers.
    maxWorkers: 2,
  },
})
