# Stakeholder Canvas: multi-stage image.
#   build:   all dependencies, `npm run build` (client with brotli/gzip copies, server bundle),
#            then the dev dependencies pruned away.
#   runtime: node, the production node_modules and dist/ only; runs as the unprivileged
#            `node` user with the SQLite database in the /data volume.
# docker build -t stakeholder-canvas . && docker run -p 8080:8080 -v canvas-data:/data stakeholder-canvas

FROM node:20.19-bookworm-slim AS build
WORKDIR /app
# better-sqlite3 downloads a prebuilt binary; these build it when none fits.
RUN apt-get update \
  && apt-get install -y --no-install-recommends python3 make g++ \
  && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
RUN npm ci
COPY . .
RUN npm run build && npm prune --omit=dev

FROM node:20.19-bookworm-slim AS runtime
ENV NODE_ENV=production \
    PORT=8080 \
    HOST=0.0.0.0 \
    DATA_DIR=/data \
    STATIC_DIR=/app/dist/client
WORKDIR /app
COPY --from=build /app/package.json ./package.json
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
RUN mkdir -p /data && chown node:node /data
USER node
VOLUME ["/data"]
EXPOSE 8080
# Liveness: the process answers. /readyz (storage, Redis) is for load balancers.
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 8080) + '/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# The server is PID 1: `docker stop`'s SIGTERM reaches it directly and it stops gracefully.
STOPSIGNAL SIGTERM
CMD ["node", "dist/server/main.js"]
