// @ts-check

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // The repo root also holds engine/, labs/ and content/, which the app imports through `@/`.
  outputFileTracingRoot: __dirname,
};

module.exports = nextConfig;
