// @ts-check

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // The repo root also holds engine/, labs/ and content/, which the app imports through `@/`.
  outputFileTracingRoot: __dirname,
  // labs/ transpiles and bundles learner code with esbuild at run time: load it from node_modules
  // (its native binary cannot be bundled).
  serverExternalPackages: ["esbuild"],
};

module.exports = nextConfig;
