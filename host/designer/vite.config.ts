/// <reference types="vitest/config" />
import { defineConfig } from "vite";
import react from "@vitejs/plugin-react";

// Asset URLs are relative: the host adds a <base href> to index.html with its own path, so the designer works
// wherever it is mounted (under /designer/, behind a reverse proxy with a prefix). `npm run dev` serves it at / and
// passes API calls to a host on port 5000.
export default defineConfig({
  base: "./",
  plugins: [react()],
  build: {
    outDir: "dist",
    emptyOutDir: true,
    // elkjs alone is ~1.4 MB; it is loaded on demand (auto-layout), so the warning about it says nothing useful.
    chunkSizeWarningLimit: 2000,
  },
  server: {
    proxy: { "/api": "http://127.0.0.1:5000" },
  },
  test: {
    include: ["src/**/*.test.ts"],
  },
});
