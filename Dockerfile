# syntax=docker/dockerfile:1
# Crypto Monitor: the proxy serving the built PWA and the API.
#   docker build -t crypto-monitor .
#   docker run -p 8787:8787 -v cm-data:/data crypto-monitor
# Two stages: the first compiles better-sqlite3 and builds the app; the second carries only what
# runs (production node_modules, build/, the TypeScript sources tsx runs), as the non-root `node` user.

FROM node:20-bookworm-slim AS build
WORKDIR /app
# better-sqlite3 compiles from source on Node 20 here (python3, make, g++).
RUN apt-get update && apt-get install -y --no-install-recommends python3 make g++ && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build && npm prune --omit=dev

FROM node:20-bookworm-slim AS run
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=8787 \
    CM_DATA_DIR=/data
WORKDIR /app
COPY --from=build --chown=node:node /app/package.json ./
COPY --from=build --chown=node:node /app/node_modules ./node_modules
COPY --from=build --chown=node:node /app/build ./build
COPY --from=build --chown=node:node /app/proxy ./proxy
COPY --from=build --chown=node:node /app/shared ./shared
RUN mkdir -p /data && chown node:node /data
USER node
VOLUME ["/data"]
EXPOSE 8787
# Liveness from inside the container: /health answers 200 while the process serves.
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
  CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||8787)+'/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
# The built app is already in build/: serve it (npm start would rebuild when sources look newer).
CMD ["node", "--import", "tsx", "proxy/server.ts"]
