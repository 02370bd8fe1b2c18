# syntax=docker/dockerfile:1

# Build stage: the full dependency tree (TypeScript and types are dev dependencies), then tsc into dist/.
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json .npmrc ./
RUN npm ci
COPY tsconfig.json tsconfig.build.json ./
COPY libs ./libs
COPY apps ./apps
RUN npm run build

# Runtime stage: production dependencies only, installed afresh for this image's platform (the KurrentDB
# client's Rust bridge and embedded-postgres ship per-platform native packages), and the compiled app.
FROM node:20-bookworm-slim AS runtime
ENV NODE_ENV=production \
    PORT=3000
WORKDIR /app
COPY package.json package-lock.json .npmrc ./
RUN npm ci --omit=dev && npm cache clean --force
COPY --from=build /app/dist ./dist
# Read at start-up: the agency directory seed is looked up from the compiled module upwards.
COPY libs/agencies/data ./libs/agencies/data
# The node image's unprivileged user. It owns only the data folder, which the embedded PostgreSQL uses when
# DATABASE_URL is not set (PostgreSQL refuses to run as root anyway).
RUN mkdir -p /app/.data && chown node:node /app/.data
USER node
EXPOSE 3000
HEALTHCHECK --interval=10s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "--no-warnings", "-e", "fetch(`http://127.0.0.1:${process.env.PORT || 3000}/health`).then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "dist/apps/api/src/main.js"]
